package io.tierline.core.port;

import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.util.List;
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
     * Writes changes to one or more tickets together, each only if its stored version still equals
     * {@code change.before().version()}, and claims the idempotency key (when given) in the same transaction.
     *
     * @throws ConcurrentChangeException    when someone else changed a ticket first (nothing was written)
     * @throws IdempotencyKeyTakenException when the key was claimed meanwhile (nothing was written)
     * @throws PersonAtCapacityException   when an automatic assignment would take a person past their limit, because
     *                                      another write gave them a ticket first (nothing was written)
     */
    void apply(List<TicketChange> changes, Optional<IdempotencyClaim> claim);

    default void apply(TicketChange change) {
        apply(List.of(change), Optional.empty());
    }

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

    /** The load counter of the person an automatic assignment chose reached their limit meanwhile. */
    class PersonAtCapacityException extends RuntimeException {
        public PersonAtCapacityException(String person) {
            super(person + " reached their capacity meanwhile");
        }
    }
}
