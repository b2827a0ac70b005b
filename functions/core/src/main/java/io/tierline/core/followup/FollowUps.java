package io.tierline.core.followup;

import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The follow-up rules, read off the trail: a resolution sets the ticket's follow-up instant (the policy's delay after
 * it); anything that takes the ticket out of solved (a reopen, a close, a reply that brings it back) cancels it; the
 * follow-up being sent clears it, so each resolution is followed up at most once; the customer answers it once.
 */
public final class FollowUps {
    private final Supplier<FollowUpPolicy> policy;

    public FollowUps(Supplier<FollowUpPolicy> policy) {
        this.policy = policy;
    }

    /**
     * The change with its ticket's follow-up instant in step with the change's events: the clocks' follower, so
     * every write path (agent, customer, engine, firing) keeps it.
     */
    public TicketChange follow(TicketChange change) {
        Ticket after = change.after();
        Instant at = after.status() != Status.SOLVED ? null
                : change.before() == null ? null : change.before().clocks().followUpAt();
        for (TicketEvent event : change.events()) {
            if (event instanceof TicketEvent.Resolved resolved) {
                at = policy.get().after(after).map(d -> resolved.at().plus(d)).orElse(null);
            } else if (event instanceof TicketEvent.FollowUpRequested) {
                at = null;
            }
        }
        if (after.status() != Status.SOLVED) {
            at = null;
        }
        return new TicketChange(change.before(), after.withFollowUpAt(at), change.events());
    }

    /** A follower that composes this after another (the escalation engine's). */
    public UnaryOperator<TicketChange> after(UnaryOperator<TicketChange> first) {
        return change -> follow(first.apply(change));
    }

    /** The latest resolution of the trail (the version of its {@link TicketEvent.Resolved}), if any. */
    public static Optional<TicketEvent.Resolved> lastResolution(List<TicketEvent> trail) {
        return trail.stream().filter(e -> e instanceof TicketEvent.Resolved).map(e -> (TicketEvent.Resolved) e)
                .reduce((a, b) -> b);
    }

    /** The follow-up sent for that resolution, if it was. */
    public static Optional<TicketEvent.FollowUpRequested> requested(List<TicketEvent> trail, long resolution) {
        return trail.stream().filter(e -> e instanceof TicketEvent.FollowUpRequested r && r.resolution() == resolution)
                .map(e -> (TicketEvent.FollowUpRequested) e).findFirst();
    }

    /**
     * The customer answers the follow-up of the ticket's latest resolution: refused when none was sent for it (or the
     * ticket was reopened since), and when it was answered already.
     */
    public static TicketChange answer(TicketHistory history, FollowUpAnswer answer, String comment, Actor customer,
                                      Instant now) {
        Ticket ticket = history.ticket();
        Optional<TicketEvent.FollowUpRequested> asked = asked(history);
        if (asked.isEmpty()) {
            throw new TicketActionException("ticket " + ticket.id() + " has no follow-up waiting for an answer");
        }
        if (answered(history.events(), asked.get().resolution())) {
            throw new TicketActionException("the follow-up of ticket " + ticket.id() + " was answered already");
        }
        return ticket.answerFollowUp(asked.get().resolution(), answer, comment, customer, now);
    }

    /** Whether the customer was asked about the ticket's current resolution and has not answered yet. */
    public static boolean awaitingAnswer(TicketHistory history) {
        return asked(history).filter(r -> !answered(history.events(), r.resolution())).isPresent();
    }

    /** The follow-up sent for the resolution the ticket stands on, while it is solved or closed. */
    private static Optional<TicketEvent.FollowUpRequested> asked(TicketHistory history) {
        Status status = history.ticket().status();
        if (status != Status.SOLVED && status != Status.CLOSED) {
            return Optional.empty();
        }
        return lastResolution(history.events()).flatMap(r -> requested(history.events(), r.version()));
    }

    private static boolean answered(List<TicketEvent> trail, long resolution) {
        return trail.stream().anyMatch(e -> e instanceof TicketEvent.FollowUpAnswered a
                && a.resolution() == resolution);
    }
}
