package io.tierline.core.ticket;

/** What triage decided for a ticket, and why (the rule that fired, or the default route). */
public record TriageDecision(Priority priority, String team, Tier tier, String category, String reason) {
}
