package io.tierline.core.message;

import java.time.Instant;

/**
 * An SLA deadline (a warning or a breach of one metric) that falls due at {@code at}; the sweep sends it delayed so
 * that it arrives at that second, and the escalation worker fires it only if the ticket still has this deadline.
 */
public record DeadlineDue(String ticketId, String metric, int cycle, int percent, Instant at) implements Message {
    public DeadlineDue {
        MessageReader.requireTicketId(ticketId);
    }
}
