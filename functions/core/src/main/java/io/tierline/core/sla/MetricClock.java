package io.tierline.core.sla;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One metric's clock as of an instant, for display and for the sweep: where it stands, the promise it counts
 * against, how far it has counted, and the warnings and breach still ahead. The accessors of the parts' fields on
 * the clock itself are conveniences for its many readers.
 *
 * @param cycle    which run of the metric (0 when it never started)
 * @param upcoming the warnings and breach still ahead, only while the clock runs
 */
public record MetricClock(SlaMetric metric, int cycle, Standing standing, Promise promise, Progress progress,
                          List<Deadline> upcoming) {
    public MetricClock {
        upcoming = List.copyOf(upcoming);
    }

    /**
     * @param paused   whether the run is paused now
     * @param breached whether this run breached its target, now or before it was fulfilled
     */
    public record Standing(ClockState state, boolean paused, boolean breached) {
    }

    /**
     * The promise of the policy in force.
     *
     * @param target   null when no policy applies
     * @param calendar the id of the calendar the target counts in ({@code calendar-time} for plain time)
     */
    public record Promise(String policy, Duration target, String calendar) {
        static final Promise NONE = new Promise(null, null, null);

        static Promise of(ClockTerms terms) {
            return terms == null ? NONE
                    : new Promise(terms.policy(), terms.target().within(), terms.target().calendar().id());
        }
    }

    /**
     * @param startedAt the original start of the run, from which a newly applied policy also counts
     * @param elapsed   business time counted, paused time excluded (until the run ended, or until asOf)
     * @param remaining target minus elapsed; negative once breached
     * @param dueAt     when the target is (or was) used up; null when that cannot be known (paused, or done in time)
     */
    public record Progress(Instant startedAt, Duration elapsed, Duration remaining, Instant dueAt) {
    }

    static MetricClock notApplicable(SlaMetric metric, int cycle, ClockTerms terms, Instant startedAt) {
        return new MetricClock(metric, cycle, new Standing(ClockState.NOT_APPLICABLE, false, false),
                Promise.of(terms), new Progress(startedAt, null, null, null), List.of());
    }

    // ---- the parts' fields, for the many readers -----------------------------------------------------------------

    public ClockState state() {
        return standing.state();
    }

    public boolean paused() {
        return standing.paused();
    }

    public boolean breached() {
        return standing.breached();
    }

    public String policy() {
        return promise.policy();
    }

    public Duration target() {
        return promise.target();
    }

    public String calendar() {
        return promise.calendar();
    }

    public Instant startedAt() {
        return progress.startedAt();
    }

    public Duration elapsed() {
        return progress.elapsed();
    }

    public Duration remaining() {
        return progress.remaining();
    }

    public Instant dueAt() {
        return progress.dueAt();
    }
}
