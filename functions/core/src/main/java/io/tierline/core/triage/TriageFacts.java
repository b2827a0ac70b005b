package io.tierline.core.triage;

import io.tierline.core.ticket.Ticket;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What rule conditions look at: the ticket, what triage read from it, its category after the classifier, and the
 * time triage runs (rules see the classifier's category, so a rule can route what the model recognised).
 */
record TriageFacts(Ticket ticket, TicketAssessment assessment, String category, Instant now) {

    /** A ticket field by the name rules use for it, lower-cased; empty when the ticket has no value. */
    Optional<String> field(String name) {
        String value;
        switch (name) {
            case "channel":
                value = ticket.channel().code();
                break;
            case "plan":
                value = ticket.requester().plan();
                break;
            case "category":
                value = category;
                break;
            case "impact":
                value = ticket.impact().code();
                break;
            case "urgency":
                value = ticket.urgency().code();
                break;
            default:
                throw new IllegalArgumentException("rules cannot test the field " + name);
        }
        return Optional.ofNullable(value).map(v -> v.toLowerCase(Locale.ROOT));
    }
}
