package io.tierline.core.intake;

import io.tierline.core.ticket.Ticket;

/**
 * The ticket a submission produced, the customer's access token for it, and whether an earlier submission with
 * the same key had made it ({@code replayed}).
 */
public record IntakeResult(Ticket ticket, String customerToken, boolean replayed) {
}
