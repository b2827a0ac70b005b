package io.tierline.core.ticket;

import java.util.Objects;

/**
 * What triage read from a ticket's text: its language, how frustrated the customer sounds and how likely the ticket
 * needs tier 2 or above. Scores are rounded to two decimals so the stored value, the audit trail and the API agree.
 *
 * @param language       ISO 639-1 code, or "und" when the text gives too little evidence
 * @param frustration    0..1
 * @param escalationRisk 0..1
 */
public record TicketSignals(String language, double frustration, double escalationRisk) {

    public TicketSignals {
        Objects.requireNonNull(language, "language");
        frustration = score("frustration", frustration);
        escalationRisk = score("escalationRisk", escalationRisk);
    }

    private static double score(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
        }
        return Math.round(value * 100) / 100.0;
    }

    /** The tag that makes the language visible in queues and usable wherever tags are: {@code lang-fr}. */
    public String languageTag() {
        return "lang-" + language;
    }
}
