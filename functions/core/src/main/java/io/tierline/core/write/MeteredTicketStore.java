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
 * The store every service writes through, measuring what each stored write's events say happened
 * ({@link EventMetrics}) once the write succeeded: a refused or raced write measures nothing, and every write path
 * (api, intake, triage, a fired deadline, an escalation step) is measured the same way without knowing it.
 */
public final class MeteredTicketStore implements TicketStore {
    private final TicketStore store;
    private final Metrics metrics;

    public MeteredTicketStore(TicketStore store, Metrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void create(TicketChange created, Optional<IdempotencyClaim> claim) {
        store.create(created, claim);
        measure(List.of(created));
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
        measure(changes);
    }

    private void measure(List<TicketChange> changes) {
        changes.forEach(change -> EventMetrics.of(change.events()).forEach(metrics::record));
    }
}
