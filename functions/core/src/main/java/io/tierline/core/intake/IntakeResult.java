package io.tierline.core.intake;

import io.tierline.core.ticket.Ticket;

/** The ticket a submission produced; {@code replayed} when an earlier submission with the same key had made it. */
public record IntakeResult(Ticket ticket, boolean replayed) {
}
