package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;

/**
 * An SLA deadline (a warning or a breach of one metric) that falls due at {@code at}; the sweep sends it delayed so
 * that it arrives at that second, and the escalation worker fires it only if the ticket still has this deadline. On
 * the wire the deadline's metric, cycle and percent are fields of the message itself.
 */
public record DeadlineDue(TicketId ticketId, @JsonUnwrapped DeadlineKey deadline, Instant at) implements Message {
}
