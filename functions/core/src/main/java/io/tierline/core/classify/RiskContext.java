package io.tierline.core.classify;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * What a learned escalation-risk model reads besides the ticket's text: how it came in, the customer's plan, its
 * category, and the customer's history. The model is a text classifier, so these become marker words appended to the
 * text ({@link #markerWords()}): training (tools/classifier) and triage build the text with the same method, so a
 * model reads at triage exactly what it was trained on. Priority is deliberately absent: triage decides it after
 * reading the risk, so a model trained on it would see at triage a field that is still empty.
 *
 * @param channel  the intake channel's code, or null
 * @param plan     the customer's plan, or null
 * @param category the ticket's category (the customer's or the classifier's), or null
 * @param history  the customer's earlier contacts and escalations when the ticket came in
 */
public record RiskContext(String channel, String plan, String category, ContactHistory history) {

    /**
     * Model metadata saying the model was trained on {@link #modelText}; a model trained on text alone (the training
     * tool's {@code --tier1-labels} mode) is given text alone.
     */
    public static final String METADATA_KEY = "riskContext";
    public static final String MARKERS = "markers";
    public static final RiskContext NONE = new RiskContext(null, null, null, ContactHistory.NONE);
    /** Counts above this read as "this many or more": the fourth escalation says little the third did not. */
    static final int COUNT_CAP = 3;

    public RiskContext {
        history = history == null ? ContactHistory.NONE : history;
    }

    /**
     * The marker words, one token each (letters and digits only, so the tokenizer keeps them whole). Counts are
     * cumulative ({@code riskpriorescalations1}, {@code ...2} for two), which lets a linear model weigh "one more"
     * the same at every step instead of learning each count on its own.
     */
    public String markerWords() {
        StringJoiner words = new StringJoiner(" ");
        word(words, "riskchannel", channel);
        word(words, "riskplan", plan);
        word(words, "riskcategory", category);
        counts(words, "riskpriorescalations", history.priorEscalations());
        counts(words, "riskearliercontacts", history.earlierContacts());
        return words.toString();
    }

    /** The text a learned risk model classifies: subject, description and the marker words, one per line. */
    public String modelText(String subject, String description) {
        return TicketText.of(subject, description, markerWords());
    }

    private static void word(StringJoiner words, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            words.add(prefix + value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
        }
    }

    private static void counts(StringJoiner words, String prefix, int count) {
        if (count == 0) {
            words.add(prefix + "none");
        }
        for (int k = 1; k <= Math.min(count, COUNT_CAP); k++) {
            words.add(prefix + k);
        }
    }
}
