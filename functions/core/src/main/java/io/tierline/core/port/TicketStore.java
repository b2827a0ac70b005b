package io.tierline.core.port;

import io.tierline.core.intake.IdempotencyClaim;
import io.tierline.core.intake.IdempotencyKey;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.util.Optional;

/** Where tickets live. Every write is atomic: a ticket, its events and any marker are stored together or not at all. */
public interface TicketStore {

    /**
     * Stores a new ticket with its first events and, when given, claims the idempotency key in the same transaction.
     *
     * @throws IdempotencyKeyTakenException when the key is already claimed (nothing was written)
     */
    void create(TicketChange created, Optional<IdempotencyClaim> claim);

    Optional<IdempotencyClaim> findClaim(IdempotencyKey key);

    Optional<Ticket> find(TicketId id);

    Optional<TicketHistory> history(TicketId id);

    /**
     * Writes a change only if the stored ticket still has {@code change.before().version()}.
     *
     * @throws ConcurrentChangeException when someone else changed the ticket first (nothing was written)
     */
    void apply(TicketChange change);

    class IdempotencyKeyTakenException extends RuntimeException {
        public IdempotencyKeyTakenException(IdempotencyKey key) {
            super("idempotency key already used: " + key);
        }
    }

    class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(TicketId id, long expectedVersion) {
            super("ticket " + id + " is no longer at version " + expectedVersion);
        }
    }
}
