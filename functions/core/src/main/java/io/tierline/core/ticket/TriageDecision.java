package io.tierline.core.ticket;

import java.util.List;

/**
 * What triage decided for a ticket, and why (the classifier, the rules that fired, or the default route).
 *
 * @param addTags tags triage adds to the ticket's own (the language tag, tags of the rules that fired)
 * @param signals what triage read from the text; null when it read nothing
 */
public record TriageDecision(Priority priority, TeamName team, Tier tier, String category, List<String> addTags,
                             TicketSignals signals, String reason) {

    public TriageDecision {
        addTags = List.copyOf(addTags);
    }

    /** A decision of routing only: no tags, no signals. */
    public TriageDecision(Priority priority, TeamName team, Tier tier, String category, String reason) {
        this(priority, team, tier, category, List.of(), null, reason);
    }
}
