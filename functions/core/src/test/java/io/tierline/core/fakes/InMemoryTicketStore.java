package io.tierline.core.fakes;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.port.DayCounts;
import io.tierline.core.port.TicketReports;
import io.tierline.core.port.TicketStore;
import io.tierline.core.report.DailyCounters;
import io.tierline.core.routing.AgentState;
import io.tierline.core.routing.Availability;
import io.tierline.core.routing.LoadChange;
import io.tierline.core.routing.Roster;
import io.tierline.core.ticket.PersonId;
import java.time.Instant;
import java.util.Collection;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link TicketStore} in memory, keeping the port's contract as DynamoDbTicketStore does: a write is all or nothing,
 * each ticket is written only while its stored version equals {@code change.before().version()}
 * ({@link ConcurrentChangeException} otherwise), an event is never overwritten, and an idempotency key is claimed once
 * until it expires ({@link IdempotencyKeyTakenException}).
 */
public final class InMemoryTicketStore implements TicketStore, Roster {
    private final Map<PersonId, AgentState> roster = new HashMap<>();
    private final Map<TicketId, Ticket> tickets = new LinkedHashMap<>();
    private final Map<TicketId, List<TicketEvent>> events = new HashMap<>();
    private final Map<IdempotencyKey, IdempotencyClaim> claims = new HashMap<>();
    private Consumer<List<TicketChange>> beforeNextApply = changes -> { };
    private int writes;
    /** The day counters a DynamoDB write would add to in its transaction, and the tickets ever breached. */
    private final Map<LocalDate, Map<String, Long>> dayCounters = new HashMap<>();
    private final Set<TicketId> breached = new HashSet<>();

    @Override
    public synchronized void create(TicketChange created, Optional<IdempotencyClaim> claim) {
        if (tickets.containsKey(created.after().id())) {
            throw new IllegalStateException("ticket " + created.after().id() + " exists already");
        }
        claim.ifPresent(this::requireClaimable);
        commit(List.of(created), claim);
    }

    @Override
    public synchronized Optional<IdempotencyClaim> findClaim(IdempotencyKey key) {
        return Optional.ofNullable(claims.get(key));
    }

    @Override
    public synchronized Optional<Ticket> find(TicketId id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<TicketHistory> history(TicketId id) {
        return find(id).map(t -> new TicketHistory(t, events.getOrDefault(id, List.of())));
    }

    @Override
    public void apply(List<TicketChange> changes, Optional<IdempotencyClaim> claim) {
        Consumer<List<TicketChange>> race;
        synchronized (this) {
            race = beforeNextApply;
            beforeNextApply = c -> { };
        }
        race.accept(changes); // another writer, between this writer's read and its write
        synchronized (this) {
            for (TicketChange change : changes) {
                Ticket stored = tickets.get(change.after().id());
                if (stored == null || stored.version() != change.before().version()) {
                    throw new ConcurrentChangeException(change.after().id(), change.before().version());
                }
            }
            claim.ifPresent(this::requireClaimable);
            List<LoadChange> loads = LoadChange.of(changes);
            for (LoadChange load : loads) {
                if (load.limit() != null && state(load.person()).load() >= load.limit()) {
                    throw new PersonAtCapacityException(load.person().value());
                }
            }
            commit(changes, claim);
            loads.forEach(load -> {
                AgentState was = state(load.person());
                roster.put(load.person(), new AgentState(was.availability(), was.load() + load.delta(),
                        load.delta() > 0 ? changes.get(0).after().updatedAt() : was.lastAssignedAt()));
            });
        }
    }

    @Override
    public synchronized Map<PersonId, AgentState> states(Collection<PersonId> people) {
        Map<PersonId, AgentState> states = new HashMap<>();
        people.stream().filter(roster::containsKey).forEach(p -> states.put(p, roster.get(p)));
        return states;
    }

    @Override
    public synchronized void setAvailability(PersonId person, Availability availability, Instant at) {
        AgentState was = state(person);
        roster.put(person, new AgentState(availability, was.load(), was.lastAssignedAt()));
    }

    private AgentState state(PersonId person) {
        return roster.getOrDefault(person, AgentState.FRESH);
    }

    /** Runs {@code writer} once, inside the next {@link #apply} before its conditions are checked: a lost race. */
    public synchronized void raceNextApply(Consumer<List<TicketChange>> writer) {
        this.beforeNextApply = writer;
    }

    /** How many writes were committed (a refused one writes nothing). */
    public synchronized int writes() {
        return writes;
    }

    public synchronized List<Ticket> tickets() {
        return List.copyOf(tickets.values());
    }

    private void requireClaimable(IdempotencyClaim claim) {
        IdempotencyClaim held = claims.get(claim.key());
        // as the DynamoDB condition: free, or expired (to the second) before the new claim was made
        if (held != null && held.expiresAt().getEpochSecond() >= claim.createdAt().getEpochSecond()) {
            throw new IdempotencyKeyTakenException(claim.key());
        }
    }

    private void commit(List<TicketChange> changes, Optional<IdempotencyClaim> claim) {
        for (TicketChange change : changes) {
            List<TicketEvent> trail = events.computeIfAbsent(change.after().id(), id -> new ArrayList<>());
            for (TicketEvent e : change.events()) {
                if (trail.stream().anyMatch(old -> old.version() == e.version() && old.index() == e.index())) {
                    throw new IllegalStateException("event " + e.version() + "/" + e.index() + " of ticket "
                            + e.ticketId() + " exists already; events are never overwritten");
                }
            }
        }
        for (TicketChange change : changes) {
            tickets.put(change.after().id(), change.after());
            events.get(change.after().id()).addAll(change.events());
        }
        claim.ifPresent(c -> claims.put(c.key(), c));
        DailyCounters counters = DailyCounters.of(changes,
                breached::contains);
        counters.increments().forEach((day, counts) -> counts.forEach((name, n) ->
                dayCounters.computeIfAbsent(day, d -> new HashMap<>()).merge(name, n, Long::sum)));
        breached.addAll(counters.breached());
        writes++;
    }

    /** The reports over the day counters this store wrote with its tickets (no team queues). */
    public TicketReports reports() {
        return new TicketReports() {
            @Override
            public List<DayCounts> days(LocalDate first, LocalDate last) {
                synchronized (InMemoryTicketStore.this) {
                    return first.datesUntil(last.plusDays(1)).map(d -> new DayCounts(d,
                            dayCounters.getOrDefault(d, Map.of()))).toList();
                }
            }

            @Override
            public List<QueuedTicket> queue(String team, Status status, int max) {
                return List.of();
            }

            /** What RootCauseIndex holds: tickets whose resolution has a root cause, newest solve first. */
            @Override
            public List<SolvedTicket> solvedWithCause(CauseQuery query) {
                synchronized (InMemoryTicketStore.this) {
                    return tickets.values().stream()
                            .filter(t -> t.resolution() != null && t.resolution().rootCause() != null
                                    && t.resolution().at() != null)
                            .filter(t -> io.tierline.core.report.RootCauses.normalise(t.resolution().rootCause())
                                    .equals(query.cause()))
                            .filter(t -> !t.resolution().at().isBefore(query.from())
                                    && t.resolution().at().isBefore(query.until()))
                            .filter(t -> query.team().map(team -> team.equals(TeamName.nameOf(t.team()))).orElse(true))
                            .filter(t -> !query.escalatedOnly() || t.wasEscalated())
                            .sorted(java.util.Comparator.comparing((Ticket t) -> t.resolution().at())
                                    .thenComparing(t -> t.id().value()).reversed())
                            .limit(query.max())
                            .map(t -> new SolvedTicket(t.id().value(), t.subject(), TeamName.nameOf(t.team()),
                                    t.tier() == null ? null : t.tier().number(), t.category(),
                                    t.resolution().rootCause(), t.resolution().at(), t.wasEscalated()))
                            .toList();
                }
            }
        };
    }
}
