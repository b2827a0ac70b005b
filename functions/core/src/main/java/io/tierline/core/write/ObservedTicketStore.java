package io.tierline.core.write;

import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.metrics.EventMetrics;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.util.List;
import java.util.Optional;

/**
 * A store that tells an observer of every write once it succeeded: a refused or raced write tells nothing, and every
 * write path (api, intake, triage, a fired deadline, an escalation step) is observed the same way without knowing it.
 * In production the observer is the metrics ({@link #metered}); the assignment benchmark watches loads with it.
 */
public final class ObservedTicketStore implements TicketStore {
    /** What happens after a write was stored. */
    @FunctionalInterface
    public interface StoredWrites {
        void stored(List<TicketChange> changes);
    }

    private final TicketStore store;
    private final StoredWrites observer;

    public ObservedTicketStore(TicketStore store, StoredWrites observer) {
        this.store = store;
        this.observer = observer;
    }

    /** The store every service writes through: each stored write's events measured ({@link EventMetrics}). */
    public static ObservedTicketStore metered(TicketStore store, Metrics metrics) {
        return new ObservedTicketStore(store, changes ->
                changes.forEach(change -> EventMetrics.of(change.events()).forEach(metrics::record)));
    }

    @Override
    public void create(TicketChange created, Optional<IdempotencyClaim> claim) {
        store.create(created, claim);
        observer.stored(List.of(created));
    }

    @Override
    public Optional<IdempotencyClaim> findClaim(IdempotencyKey key) {
        return store.findClaim(key);
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        return store.find(id);
    }

    @Override
    public Optional<TicketHistory> history(TicketId id) {
        return store.history(id);
    }

    @Override
    public void apply(List<TicketChange> changes, Optional<IdempotencyClaim> claim) {
        store.apply(changes, claim);
        observer.stored(changes);
    }
}
