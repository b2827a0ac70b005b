package io.tierline.core.ticket;

import java.time.Instant;

/**
 * Where the ticket has been since when, derived from its trail on every write: the escalation reviews measure the
 * time spent in each team and tier from it when the ticket leaves them (or is solved), and credit the last
 * escalation's sender when the ticket is solved (it then settled at the tier it was sent to, or came back down).
 * A reopened ticket starts its stays again: the time it sat solved is nobody's time in a tier.
 *
 * @param since          when the ticket entered its current team and tier (triage, an escalation, a transfer, a
 *                       reopen); null for tickets written before it was kept (their creation is used instead)
 * @param teamSince      when the ticket entered its current team; null for tickets written before it was kept
 *                       ({@code since}, or their creation, is used instead)
 * @param lastEscalation who made the ticket's last escalation, or null when none was made by a person
 * @param escalations    how many escalations the ticket has had, functional or hierarchical, by a person or by a
 *                       policy (0 for tickets written before it was kept)
 */
public record Stay(Instant since, Instant teamSince, EscalationSender lastEscalation, int escalations) {
    public static final Stay NONE = new Stay(null, null, null, 0);

    /** Into another tier of the same team. */
    public Stay tierMovedAt(Instant at) {
        return new Stay(at, teamSince, lastEscalation, escalations);
    }

    /** Into another team, or back to work after a solve: both stays start again. */
    public Stay teamMovedAt(Instant at) {
        return new Stay(at, at, lastEscalation, escalations);
    }

    /** One more escalation; a person's makes them its sender, an automatic one has none. */
    public Stay escalatedBy(EscalationSender sender) {
        return new Stay(since, teamSince, sender, escalations + 1);
    }

    /** When the ticket entered its tier, for a ticket created at {@code createdAt}. */
    public Instant tierEnteredAt(Instant createdAt) {
        return since != null ? since : createdAt;
    }

    /** When the ticket entered its team, for a ticket created at {@code createdAt}. */
    public Instant teamEnteredAt(Instant createdAt) {
        return teamSince != null ? teamSince : tierEnteredAt(createdAt);
    }
}
