package io.tierline.core.idempotency;

import io.tierline.core.ticket.TicketId;
import java.time.Instant;

/** Records that a key produced a ticket from a request with this fingerprint; expires after its retention. */
public record IdempotencyClaim(IdempotencyKey key, String fingerprint, TicketId ticketId, Instant createdAt,
                               Instant expiresAt) {
}
