package io.tierline.core.clocks;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.sla.MetricEventType;
import io.tierline.core.sla.SlaClock;
import io.tierline.core.sla.SlaEvaluation;
import io.tierline.core.sla.SlaPolicies;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Keeps each ticket's next SLA deadline in step with its trail: after every change, the clocks are evaluated from
 * the whole trail and the earliest warning or breach not yet fired becomes {@link Ticket#nextDeadline()}, which
 * the sweep's sparse index serves, and the earliest target still owed becomes {@link Ticket#targetDueAt()}, by
 * which the team queues sort.
 */
public class ClockKeeper {
    private final Supplier<SlaPolicies> policies;
    private final UnaryOperator<TicketChange> follower;

    public ClockKeeper(Supplier<SlaPolicies> policies) {
        this(policies, UnaryOperator.identity());
    }

    /**
     * @param follower derives other state from each change before its deadline is computed: the escalation
     *                 engine's state, whose due time shares the sweep's index
     */
    public ClockKeeper(Supplier<SlaPolicies> policies, UnaryOperator<TicketChange> follower) {
        this.policies = policies;
        this.follower = follower;
    }

    public SlaEvaluation evaluate(Ticket ticket, List<TicketEvent> events, Instant asOf) {
        return SlaClock.evaluate(SlaTimelines.of(ticket, events), policies.get(), asOf);
    }

    /**
     * The change with its ticket's next deadline computed from the trail including the change's own events.
     * A deadline that passed before this change without being fired (the sweep runs once a minute) is kept, so it
     * is still fired: it happened, whatever the change does to the clocks afterwards. The firing re-checks it
     * against the clocks as of its own instant.
     */
    public TicketChange track(TicketChange change, List<TicketEvent> earlierEvents) {
        Instant now = change.after().updatedAt();
        Deadline previous = change.before() == null ? null : change.before().nextDeadline();
        return trackFrom(change, earlierEvents, previous != null && previous.at().isBefore(now) ? previous.at() : now);
    }

    /**
     * The same, taking the earliest unfired deadline at or after {@code from}: those that fell due since (still to
     * be fired) and those ahead, all computed with every fact up to the change.
     */
    public TicketChange trackFrom(TicketChange original, List<TicketEvent> earlierEvents, Instant from) {
        TicketChange change = follower.apply(original);
        List<TicketEvent> all = new ArrayList<>(earlierEvents);
        all.addAll(change.events());
        Ticket after = change.after();
        if (after.isClosed()) {
            return new TicketChange(change.before(), after.withClocks(null, null), change.events());
        }
        SlaEvaluation clocks = evaluate(after, all, after.updatedAt());
        return new TicketChange(change.before(), after.withClocks(nextUnfired(clocks, all, from),
                clocks.earliestTargetOwed().orElse(null)), change.events());
    }

    /** Whether the clocks, as of the deadline's own instant, really reached it (nothing since undid it). */
    public boolean reached(Ticket ticket, List<TicketEvent> events, Deadline deadline) {
        MetricEventType expected = deadline.isBreach() ? MetricEventType.BREACH : MetricEventType.WARN;
        return evaluate(ticket, events, deadline.at()).events().stream().anyMatch(e -> e.type() == expected
                && e.metric() == deadline.metric() && e.cycle() == deadline.cycle()
                && e.percent() == deadline.percent() && e.at().equals(deadline.at()));
    }

    /** The earliest deadline at or after {@code from} that was not fired yet. */
    private static Deadline nextUnfired(SlaEvaluation clocks, List<TicketEvent> events, Instant from) {
        Set<DeadlineKey> fired = events.stream().filter(e -> e instanceof TicketEvent.SlaDeadlineFired)
                .map(e -> ((TicketEvent.SlaDeadlineFired) e).deadline()).collect(Collectors.toSet());
        return clocks.deadlinesFrom(from).stream()
                .filter(d -> !fired.contains(DeadlineKey.of(d))).findFirst().orElse(null);
    }

    public static String describe(Deadline d) {
        return d.isBreach() ? d.metric().code() + " breached its target (cycle " + d.cycle() + ")"
                : d.metric().code() + " reached " + d.percent() + " % of its target (cycle " + d.cycle() + ")";
    }
}
