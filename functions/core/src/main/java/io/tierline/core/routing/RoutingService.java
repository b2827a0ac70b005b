package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Automatic assignment as writes: offers a ticket to its team's people ({@link Assigner}) and stores the choice,
 * or that it waits, in one conditional write with the chosen person's load counter. It runs when something makes
 * it worth asking (no polling): after every write of a ticket that nobody holds (triage, an escalation or transfer
 * to another team or tier), when a write frees someone's capacity (their ticket solved, closed or handed on), and when
 * a person sets their availability (away or offline: their automatically assigned tickets are offered to others;
 * available: their teams' waiting tickets are offered). A ticket an agent assigned by hand is never taken from them.
 */
public class RoutingService {
    public static final Actor ACTOR = Actor.system("routing");
    private static final System.Logger LOG = System.getLogger(RoutingService.class.getName());
    /** A lost race for a person's last slot or for the ticket is decided again on fresh states, a few times. */
    private static final int ATTEMPTS = 5;
    /** Waiting tickets offered when someone frees capacity or comes back, per team: a bounded amount of work. */
    static final int FILL_AT_ONCE = 10;

    public enum Outcome { ASSIGNED, WAITING, UNCHANGED, NOT_ROUTED }

    private final TicketStore store;
    private final Roster roster;
    private final Worklists worklists;
    private final Supplier<Staffing> staffing;
    private final Clock clock;
    private final AfterWrite after;

    public RoutingService(TicketStore store, Roster roster, Worklists worklists, Supplier<Staffing> staffing,
                          Clock clock, AfterWrite after) {
        this.store = store;
        this.roster = roster;
        this.worklists = worklists;
        this.staffing = staffing;
        this.clock = clock;
        this.after = after;
    }

    /** Offers a ticket nobody holds to its team's people. */
    public Outcome offer(TicketId id) {
        return route(id, null);
    }

    /** Offers a ticket {@code absent} holds by automatic assignment to the others of its team. */
    public Outcome reoffer(TicketId id, PersonId absent) {
        return route(id, absent);
    }

    private Outcome route(TicketId id, PersonId from) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty() || !routable(found.get(), from)) {
                return Outcome.NOT_ROUTED;
            }
            Ticket ticket = found.get().ticket();
            Staffing people = staffing.get();
            List<PersonId> members = people.members(ticket.team()).stream().map(Agent::id).toList();
            AssignmentDecision decision = Assigner.decide(ticket, people, roster.states(members), clock.instant(),
                    handedUpBy(found.get()));
            if (decision.person().isEmpty() && from == null && waitsAlready(found.get(), decision.facts())) {
                return Outcome.UNCHANGED;
            }
            TicketChange change = decision.person()
                    .map(person -> ticket.autoAssign(person, decision.facts(), ACTOR, clock.instant()))
                    .orElseGet(() -> ticket.awaitAssignment(decision.facts(), ACTOR, clock.instant()));
            try {
                store.apply(change);
            } catch (TicketStore.PersonAtCapacityException | TicketStore.ConcurrentChangeException raced) {
                LOG.log(Level.DEBUG, "ticket {0}: {1}; deciding again", id, raced.getMessage());
                continue;
            }
            after.written(change.after());
            return decision.person().isPresent() ? Outcome.ASSIGNED : Outcome.WAITING;
        }
        LOG.log(Level.WARNING, "ticket {0}: still contended after {1} attempts; the next event offers it again", id,
                ATTEMPTS);
        return Outcome.UNCHANGED;
    }

    /**
     * A ticket is routed while it is in work with a team that assigns automatically, and nobody holds it, or (a
     * re-offer) {@code from} still holds it by automatic assignment.
     */
    private static boolean routable(TicketHistory history, PersonId from) {
        Ticket ticket = history.ticket();
        boolean inWork = ticket.status() == Status.OPEN || ticket.status() == Status.PENDING
                || ticket.status() == Status.ON_HOLD;
        return inWork && ticket.team() != null && ticket.pendingTransfer() == null
                && (from == null ? ticket.assignee() == null
                        : from.equals(ticket.assignee()) && heldAutomatically(history));
    }

    /**
     * Who held the ticket until the change that last moved its assignee took it up a tier (an escalation or a
     * transfer, which clears the assignee), or null: an escalation sends the ticket to someone else, not back to
     * the person it came from.
     */
    static PersonId handedUpBy(TicketHistory history) {
        return lastAssigneeChange(history).map(event -> {
            FieldMoves moves = event.moves();
            Move<PersonId> assignee = moves.get(TicketField.ASSIGNEE).orElseThrow();
            Optional<Move<Tier>> tier = moves.get(TicketField.TIER);
            boolean up = tier.isPresent() && tier.get().from() != null && tier.get().to() != null
                    && tier.get().to().number() > tier.get().from().number();
            return up && assignee.to() == null ? assignee.from() : null;
        }).orElse(null);
    }

    /** Whether the ticket's last change of assignee was automatic assignment's (an agent's is never overridden). */
    static boolean heldAutomatically(TicketHistory history) {
        return lastAssigneeChange(history).map(event -> event instanceof TicketEvent.AutoAssigned).orElse(false);
    }

    /** The latest event of the trail that moved the ticket's assignee, if any. */
    private static Optional<TicketEvent> lastAssigneeChange(TicketHistory history) {
        List<TicketEvent> events = history.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).moves().moved(TicketField.ASSIGNEE)) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the trail already says the ticket waits for the same reasons: nothing new to record. */
    private static boolean waitsAlready(TicketHistory history, AssignmentFacts facts) {
        List<TicketEvent> events = history.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            TicketEvent event = events.get(i);
            if (event instanceof TicketEvent.AssignmentWaiting waiting) {
                return waiting.assignment().equals(facts);
            }
            if (event.moves().moved(TicketField.ASSIGNEE) || event.moves().moved(TicketField.TEAM)
                    || event.moves().moved(TicketField.TIER) || event.moves().moved(TicketField.PRIORITY)) {
                return false;
            }
        }
        return false;
    }

    /**
     * After any write of a ticket: whoever the write freed gets their teams' waiting tickets offered, and the ticket
     * itself is offered if nobody holds it. Never fails the write it follows; what it cannot do now is done by the
     * next event that frees capacity or by the sweep's re-offer.
     */
    public void written(Ticket ticket) {
        try {
            if (ticket.status() == Status.NEW
                    || staffing.get().rules().values().stream().noneMatch(AssignmentRule::automatic)) {
                return; // not triaged yet, or no team assigns automatically: not even the read of the trail
            }
            Optional<TicketHistory> history = store.history(ticket.id());
            if (history.isEmpty()) {
                return;
            }
            freedBy(history.get()).forEach(this::fill);
            if (ticket.assignee() == null && staffing.get().rule(ticket.team()).automatic()) {
                offer(ticket.id());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ticket " + ticket.id() + ": assignment not run now", e);
        }
    }

    /** The people the ticket's last write took it from: its assignee moved away, or it was solved or closed. */
    static Set<PersonId> freedBy(TicketHistory history) {
        Ticket ticket = history.ticket();
        Set<PersonId> freed = new LinkedHashSet<>();
        for (TicketEvent event : history.events()) {
            if (event.version() != ticket.version()) {
                continue;
            }
            event.moves().get(TicketField.ASSIGNEE).ifPresent(move -> {
                if (move.from() != null) {
                    freed.add(move.from());
                }
            });
            Status to = event.statusAfter();
            if (to != null && to.isDone() && ticket.assignee() != null) {
                freed.add(ticket.assignee());
            }
        }
        return freed;
    }

    /**
     * {@code person} has room again (or came back): their teams' waiting tickets are offered, soonest due first,
     * until as many were assigned as they have free slots (others' freed slots are filled by their own events), at
     * most {@link #FILL_AT_ONCE} offers per team.
     */
    public int fill(PersonId person) {
        Optional<Agent> agent = staffing.get().agent(person);
        if (agent.isEmpty()) {
            return 0;
        }
        AgentState state = roster.states(List.of(person)).getOrDefault(person, AgentState.FRESH);
        int room = agent.get().capacity().limitFor(null) - state.load();
        int assigned = 0;
        for (TeamName team : agent.get().placement().teams()) {
            if (!staffing.get().rule(team).automatic()) {
                continue;
            }
            for (TicketId waiting : worklists.waiting(team, FILL_AT_ONCE)) {
                if (assigned >= room) {
                    return assigned;
                }
                if (offer(waiting) == Outcome.ASSIGNED) {
                    assigned++;
                }
            }
        }
        return assigned;
    }

    /** What one safety-net pass did: tickets offered, and how many of them found a person. */
    public record WaitingOffered(int offered, int assigned) {
    }

    /**
     * The sweep's safety net: offers the tickets waiting unassigned in each team that assigns automatically, soonest
     * due first, so a lost trigger (a freed slot or a return whose event went missing) does not leave a ticket
     * waiting forever. Bounded: at most {@link #FILL_AT_ONCE} per team and {@code atMost} in all, so a long queue
     * costs a fixed amount of work per run; a ticket that still fits nobody for the same reasons writes nothing.
     */
    public WaitingOffered offerWaiting(int atMost) {
        Staffing people = staffing.get();
        int offered = 0;
        int assigned = 0;
        for (var team : new java.util.TreeMap<>(people.rules()).entrySet()) {
            if (!team.getValue().automatic()) {
                continue;
            }
            for (TicketId waiting : worklists.waiting(team.getKey(), Math.min(FILL_AT_ONCE, atMost - offered))) {
                offered++;
                if (offer(waiting) == Outcome.ASSIGNED) {
                    assigned++;
                }
            }
            if (offered >= atMost) {
                break;
            }
        }
        return new WaitingOffered(offered, assigned);
    }

    /**
     * A person sets their availability. Away or offline: the tickets automatic assignment gave them are offered to
     * the others (or wait for someone); available: their teams' waiting tickets are offered.
     *
     * @return how many tickets moved (re-offered or assigned)
     */
    public int setAvailability(PersonId person, Availability availability) {
        roster.setAvailability(person, availability, clock.instant());
        if (availability == Availability.AVAILABLE) {
            return fill(person);
        }
        int moved = 0;
        for (TeamName team : staffing.get().agent(person).map(a -> a.placement().teams()).orElse(Set.of())) {
            for (TicketId held : worklists.heldBy(person, team)) {
                Outcome outcome = reoffer(held, person);
                if (outcome == Outcome.ASSIGNED || outcome == Outcome.WAITING) {
                    moved++;
                }
            }
        }
        return moved;
    }
}
