package io.tierline.core.work;

import io.tierline.core.access.CustomerTokens;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every action on an existing ticket the same way: find it, check who may act, check the version the caller
 * saw, apply the domain action, write the change (with its idempotency claim) in one conditional transaction, and
 * hand every ticket written (both of a merge) to the after-write step.
 */
public class TicketWorkService {
    /** How the caller guards against lost updates and repeats: the version it saw, and a key for "do this once". */
    public record Guard(Optional<Long> expectedVersion, Optional<IdempotencyKey> key, String fingerprint) {
        public static Guard none() {
            return new Guard(Optional.empty(), Optional.empty(), "");
        }
    }

    /** A domain action on one ticket. */
    public interface Action {
        TicketChange apply(Ticket ticket, Instant now);
    }

    /** A domain action that changes several tickets at once (a merge). */
    public interface MultiAction {
        List<TicketChange> apply(Ticket ticket, Instant now);
    }

    /** A domain action that reads the ticket's trail too (the escalation engine's: estimates, the record). */
    public interface TrailAction {
        TicketChange apply(TicketHistory history, Instant now);
    }

    private final TicketStore store;
    private final CustomerTokens tokens;
    private final ClockKeeper clocks;
    private final Clock clock;
    private final Duration keyRetention;
    private final AfterWrite after;

    public TicketWorkService(TicketStore store, CustomerTokens tokens, ClockKeeper clocks, Clock clock,
                             Duration keyRetention, AfterWrite after) {
        this.store = store;
        this.tokens = tokens;
        this.clocks = clocks;
        this.clock = clock;
        this.keyRetention = keyRetention;
        this.after = after;
    }

    public Clock clock() {
        return clock;
    }

    /** The ticket's SLA clocks now, for who may read it. */
    public io.tierline.core.sla.SlaEvaluation clocks(TicketHistory history) {
        return clocks.evaluate(history.ticket(), history.events(), clock.instant());
    }

    /** The ticket with its whole trail, for someone who works on it. */
    public TicketHistory read(TicketId id, Principal who) {
        TicketHistory history = store.history(id).orElseThrow(() -> new TicketNotFoundException(id.value()));
        who.requireWorksOn(history.ticket());
        return history;
    }

    /** A ticket the principal works on, for actions that need to look at two tickets (merge). */
    public Ticket find(TicketId id, Principal who) {
        Ticket ticket = store.find(id).orElseThrow(() -> new TicketNotFoundException(id.value()));
        who.requireWorksOn(ticket);
        return ticket;
    }

    /**
     * Runs an agent's action and answers the ticket with its trail as the action left it, even when the action
     * moved it out of the agent's teams (an approved transfer).
     */
    /**
     * The ticket after an action, and whether the action was answered from an earlier request with the same
     * Idempotency-Key (nothing changed this time), which the API says with {@code Idempotent-Replayed: true}.
     */
    public record Done(TicketHistory history, boolean replayed) {
        public Ticket ticket() {
            return history.ticket();
        }

        public List<TicketEvent> events() {
            return history.events();
        }
    }

    public Done act(TicketId id, Principal who, Guard guard, Action action) {
        return actOnMany(id, who, guard, (ticket, now) -> List.of(action.apply(ticket, now)));
    }

    public Done actOnMany(TicketId id, Principal who, Guard guard, MultiAction action) {
        return run(id, guard, ticket -> who.requireWorksOn(ticket),
                (history, now) -> action.apply(history.ticket(), now));
    }

    public Done actOnTrail(TicketId id, Principal who, Guard guard, TrailAction action) {
        return run(id, guard, ticket -> who.requireWorksOn(ticket),
                (history, now) -> List.of(action.apply(history, now)));
    }

    /** A customer's action that reads the trail; answers the public part of the ticket as the action left it. */
    public Done actAsCustomerOnTrail(TicketId id, String token, Guard guard, TrailAction action) {
        Done done = run(id, guard, ticket -> requireToken(ticket, token),
                (history, now) -> List.of(action.apply(history, now)));
        return new Done(publicPart(done.history()), done.replayed());
    }

    /** The public part of the ticket, for whoever holds its customer token; a wrong token is a 404. */
    public TicketHistory customerView(TicketId id, String token) {
        TicketHistory history = store.history(id).orElseThrow(() -> new TicketNotFoundException(id.value()));
        requireToken(history.ticket(), token);
        return publicPart(history);
    }

    private static TicketHistory publicPart(TicketHistory history) {
        return new TicketHistory(history.ticket(), history.events().stream().filter(e -> e.isPublic()).toList());
    }

    public Actor customerActor(Ticket ticket) {
        return Actor.customer(ticket.requester().email());
    }

    private void requireToken(Ticket ticket, String token) {
        if (!tokens.matches(ticket, token)) {
            throw new TicketNotFoundException(ticket.id().value());
        }
    }

    private interface Check {
        void verify(Ticket ticket) throws ForbiddenException;
    }

    /** The ticket with its trail as the action left it: the trail read before plus the change's own events. */
    private interface HistoryAction {
        List<TicketChange> apply(TicketHistory history, Instant now);
    }

    private Done run(TicketId id, Guard guard, Check check, HistoryAction action) {
        TicketHistory history = store.history(id).orElseThrow(() -> new TicketNotFoundException(id.value()));
        Ticket ticket = history.ticket();
        check.verify(ticket);
        if (guard.key().isPresent()) {
            Optional<IdempotencyClaim> claim = store.findClaim(guard.key().get())
                    .filter(c -> c.expiresAt().isAfter(clock.instant()));
            if (claim.isPresent()) {
                if (!claim.get().fingerprint().equals(guard.fingerprint()) || !claim.get().ticketId().equals(id)) {
                    throw new IdempotencyConflictException(guard.key().get());
                }
                // done before: answer with the ticket as it is now, change nothing; what the first request left
                // unsent (its fan-out, a step due soon) is sent now
                after.written(ticket);
                return new Done(history, true);
            }
        }
        if (guard.expectedVersion().isPresent() && guard.expectedVersion().get() != ticket.version()) {
            throw new VersionConflictException(id, ticket.version());
        }
        Instant now = clock.instant();
        List<TicketChange> changes = action.apply(history, now).stream()
                .map(change -> clocks.track(change, change.after().id().equals(id) ? history.events()
                        : store.history(change.after().id()).map(TicketHistory::events).orElse(List.of())))
                .toList();
        Optional<IdempotencyClaim> claim = guard.key().map(k ->
                new IdempotencyClaim(k, guard.fingerprint(), id, now, now.plus(keyRetention)));
        try {
            store.apply(changes, claim);
        } catch (TicketStore.ConcurrentChangeException raced) {
            long current = store.find(id).map(Ticket::version).orElse(ticket.version());
            throw new VersionConflictException(id, current);
        } catch (TicketStore.IdempotencyKeyTakenException repeated) {
            // a concurrent duplicate of this request won: same outcome, answered as it now stands
            TicketHistory won = store.history(id).orElse(history);
            after.written(won.ticket());
            return new Done(won, true);
        }
        changes.forEach(change -> after.written(change.after()));
        List<TicketEvent> trail = new ArrayList<>(history.events());
        trail.addAll(changes.get(0).events());
        return new Done(new TicketHistory(changes.get(0).after(), trail), false);
    }
}
