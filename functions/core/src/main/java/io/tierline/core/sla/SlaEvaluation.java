package io.tierline.core.sla;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A ticket's SLA clocks as of one instant, and every clock change up to it (oldest first).
 *
 * @param policy the name of the policy that applies now, null when none does
 */
public record SlaEvaluation(Instant asOf, String policy, Map<SlaMetric, MetricClock> clocks,
                            List<MetricEvent> events) {
    private static final Comparator<Deadline> EARLIEST_FIRST = Comparator.comparing(Deadline::at)
            .thenComparing(Deadline::metric).thenComparingInt(Deadline::cycle).thenComparingInt(Deadline::percent);

    public SlaEvaluation {
        clocks = Collections.unmodifiableMap(new EnumMap<>(clocks));
        events = List.copyOf(events);
    }

    public MetricClock clock(SlaMetric metric) {
        return clocks.get(metric);
    }

    /**
     * The earliest warning or breach still ahead over all running clocks: what the SLA sweep indexes. Empty when no
     * clock runs (all paused, fulfilled or not applicable, or already breached).
     */
    public Optional<Deadline> nextDeadline() {
        return clocks.values().stream().flatMap(clock -> clock.upcoming().stream()).min(EARLIEST_FIRST);
    }

    /**
     * The earliest target still owed: of a running clock (ahead, or just passed if not yet evaluated as breached),
     * or of a breached one whose promise is still unmet (in the past). A paused clock within its target has no
     * such instant (it does not count down); a fulfilled or not applicable one owes nothing.
     */
    public Optional<Instant> earliestTargetOwed() {
        return clocks.values().stream()
                .filter(c -> c.state() == ClockState.RUNNING || c.state() == ClockState.BREACHED)
                .map(MetricClock::dueAt).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder());
    }

    /**
     * Every warning and breach at or after {@code from}, earliest first: those reached by {@code asOf} (recorded as
     * events) and those still ahead. An index that last looked at {@code from} finds here the ones that fell due
     * since, as well as the next, all computed with every fact up to {@code asOf}.
     */
    public List<Deadline> deadlinesFrom(Instant from) {
        Stream<Deadline> reached = events.stream()
                .filter(e -> e.type() == MetricEventType.WARN || e.type() == MetricEventType.BREACH)
                .filter(e -> !e.at().isBefore(from))
                .map(e -> new Deadline(e.metric(), e.cycle(), e.percent(), e.at()));
        Stream<Deadline> ahead = clocks.values().stream().flatMap(clock -> clock.upcoming().stream())
                .filter(d -> !d.at().isBefore(from));
        return Stream.concat(reached, ahead).sorted(EARLIEST_FIRST).toList();
    }
}
