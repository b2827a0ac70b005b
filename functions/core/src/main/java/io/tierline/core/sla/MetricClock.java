package io.tierline.core.sla;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One metric's clock as of an instant, for display and for the sweep.
 *
 * @param cycle     which run of the metric (0 when it never started)
 * @param target    the promise of the policy in force (null when none)
 * @param calendar  the id of the calendar the target counts in ({@code calendar-time} for plain time)
 * @param startedAt the original start of the run, from which a newly applied policy also counts
 * @param elapsed   business time counted, paused time excluded (until the run ended, or until asOf)
 * @param remaining target minus elapsed; negative once breached
 * @param dueAt     when the target is (or was) used up; null when that cannot be known (paused, or done in time)
 * @param upcoming  the warnings and breach still ahead, only while the clock runs
 * @param breached  whether this run breached its target, now or before it was fulfilled
 */
public record MetricClock(SlaMetric metric, ClockState state, int cycle, String policy, Duration target,
                          String calendar, Instant startedAt, Duration elapsed, Duration remaining, Instant dueAt,
                          List<Deadline> upcoming, boolean paused, boolean breached) {
    public MetricClock {
        upcoming = List.copyOf(upcoming);
    }

    static MetricClock notApplicable(SlaMetric metric, int cycle, ClockTerms terms, Instant startedAt) {
        return new MetricClock(metric, ClockState.NOT_APPLICABLE, cycle, terms == null ? null : terms.policy(),
                terms == null ? null : terms.target().within(),
                terms == null ? null : terms.target().calendar().id(), startedAt, null, null, null, List.of(),
                false, false);
    }
}
