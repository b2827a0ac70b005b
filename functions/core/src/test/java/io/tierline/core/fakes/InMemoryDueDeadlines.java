package io.tierline.core.fakes;

import io.tierline.core.port.DueDeadlines;
import java.time.Instant;
import java.util.List;

/**
 * {@link DueDeadlines} over an {@link InMemoryTicketStore}, as the sparse DueIndex serves it: a ticket is in the
 * index while it has a next due instant (triage-by, SLA deadline or engine step, whichever is first) and is found
 * when that instant is at or before the asked one; each read counts as one request per shard.
 */
public final class InMemoryDueDeadlines implements DueDeadlines {
    private static final int SHARDS = 8;
    private final InMemoryTicketStore store;

    public InMemoryDueDeadlines(InMemoryTicketStore store) {
        this.store = store;
    }

    @Override
    public Read dueBy(Instant until) {
        List<Due> due = store.tickets().stream().filter(t -> t.nextDueAt() != null && !t.nextDueAt().isAfter(until))
                .map(Due::of).toList();
        return new Read(due, due.size(), SHARDS);
    }
}
