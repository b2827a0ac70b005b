package io.tierline.core.ticket;

import java.time.Instant;

/**
 * Where the ticket has been since when, derived from its trail on every write: the escalation reviews measure the
 * time spent in each team and tier from it when the ticket leaves them, and credit the last escalation's sender when
 * the ticket is solved (it then settled at the tier it was sent to, or came back down).
 *
 * @param since          when the ticket entered its current team and tier (triage, an escalation, a transfer);
 *                       null for tickets written before it was kept (their creation is used instead)
 * @param lastEscalation who made the ticket's last escalation, or null when none was made by a person
 */
public record Stay(Instant since, EscalationSender lastEscalation) {
    public static final Stay NONE = new Stay(null, null);

    public Stay movedAt(Instant at) {
        return new Stay(at, lastEscalation);
    }

    public Stay escalatedBy(EscalationSender sender) {
        return new Stay(since, sender);
    }
}
