package io.tierline.core.sla;

import io.tierline.core.ticket.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plays one cycle of a metric through the policy periods it lives in and records its events. Within each period the
 * cycle is measured under that period's terms from its original start; a threshold those terms put before the
 * period began (a stricter target now applies) is reached when the period begins. Each warning and the breach
 * happen at most once per cycle, and when several are reached at the same moment only the highest is recorded.
 */
final class CycleReplay {
    private final MetricCycle cycle;
    private final Instant asOf;
    private final List<MetricEvent> events = new ArrayList<>();
    private final Set<Integer> reached = new HashSet<>();
    private ClockTrack track;

    private CycleReplay(MetricCycle cycle, Instant asOf) {
        this.cycle = cycle;
        this.asOf = asOf;
    }

    static CycleReplay of(MetricCycle cycle, List<TermsPeriod> periods, TicketCourse course) {
        CycleReplay replay = new CycleReplay(cycle, course.asOf());
        for (TermsPeriod period : periods) {
            Instant from = period.from().isAfter(cycle.start()) ? period.from() : cycle.start();
            if (period.to() != null && !from.isBefore(period.to())) {
                continue;
            }
            if (!cycle.covers(from, replay.asOf)) {
                break;
            }
            ClockTrack next = period.terms() == null ? null : ClockTrack.of(cycle, period.terms(), course);
            if (from.equals(cycle.start())) {
                replay.activate(next);
            } else {
                replay.change(from, next);
            }
            replay.track = next;
            if (next != null) {
                replay.thresholds(from, period.to());
                replay.modeChanges(from, period.to());
                replay.ending(from, period.to());
            }
        }
        return replay;
    }

    List<MetricEvent> events() {
        return events;
    }

    MetricClock clock() {
        if (track == null) {
            return MetricClock.notApplicable(cycle.metric(), cycle.number(), null, cycle.start());
        }
        ClockTerms terms = track.terms();
        boolean open = cycle.isOpen();
        Instant until = open ? asOf : cycle.end();
        ClockTrack.Mode mode = open ? track.modeAt(asOf) : track.modeBefore(cycle.end());
        if (!open && cycle.ending() == MetricCycle.Ending.CANCELLED && mode != ClockTrack.Mode.STOPPED) {
            return MetricClock.notApplicable(cycle.metric(), cycle.number(), terms, cycle.start());
        }
        boolean breached = reached.contains(ClockTerms.BREACH_PERCENT);
        Duration elapsed = track.elapsedUntil(until);
        List<Deadline> upcoming = open && mode == ClockTrack.Mode.RUNNING ? upcoming(terms) : List.of();
        return new MetricClock(cycle.metric(), cycle.number(), new MetricClock.Standing(state(open, mode, breached),
                open && mode == ClockTrack.Mode.PAUSED, breached), MetricClock.Promise.of(terms),
                new MetricClock.Progress(cycle.start(), elapsed, terms.target().within().minus(elapsed),
                        track.whenElapsed(terms.target().within()).orElse(null)), upcoming);
    }

    private static ClockState state(boolean open, ClockTrack.Mode mode, boolean breached) {
        if (!open || mode == ClockTrack.Mode.STOPPED) {
            return ClockState.FULFILLED;
        }
        if (breached) {
            return ClockState.BREACHED;
        }
        return mode == ClockTrack.Mode.PAUSED ? ClockState.PAUSED : ClockState.RUNNING;
    }

    private List<Deadline> upcoming(ClockTerms terms) {
        List<Deadline> upcoming = new ArrayList<>();
        for (ClockTerms.Threshold threshold : terms.thresholds()) {
            if (!reached.contains(threshold.percent())) {
                track.whenElapsed(threshold.elapsed()).filter(at -> at.isAfter(asOf)).ifPresent(at ->
                        upcoming.add(new Deadline(cycle.metric(), cycle.number(), threshold.percent(), at)));
            }
        }
        return upcoming;
    }

    private void activate(ClockTrack started) {
        if (started != null) {
            record(MetricEventType.ACTIVATE, cycle.start(), 0, started);
            ClockTrack.Mode mode = started.modeAt(cycle.start());
            if (mode != ClockTrack.Mode.RUNNING) {
                enterMode(cycle.start(), mode, started);
            }
        }
    }

    /** A new period begins while the cycle runs: another policy, another target, or none. */
    private void change(Instant at, ClockTrack next) {
        if (track == null && next != null) {
            record(MetricEventType.ACTIVATE, at, 0, next);
            if (next.modeAt(at) != ClockTrack.Mode.RUNNING) {
                enterMode(at, next.modeAt(at), next);
            }
        } else if (track != null && next == null) {
            events.add(new MetricEvent(cycle.metric(), cycle.number(), MetricEventType.CANCEL, at, 0, null, null));
        } else if (track != null) {
            record(MetricEventType.APPLY, at, 0, next);
            ClockTrack.Mode before = track.modeBefore(at);
            ClockTrack.Mode now = next.modeAt(at);
            if (before != now) {
                enterMode(at, now, next);
            }
        }
    }

    /**
     * Records the thresholds reached in [from, to). Those the terms put before {@code from} (a stricter target was
     * applied) are reached at {@code from}, or when the clock next moves if the ticket is solved then; of several
     * reached at one instant only the highest is recorded: one breach, not a warning storm.
     */
    private void thresholds(Instant from, Instant to) {
        TreeMap<Instant, ClockTerms.Threshold> highestAt = new TreeMap<>();
        List<ClockTerms.Threshold> late = new ArrayList<>();
        for (ClockTerms.Threshold threshold : track.terms().thresholds()) {
            Optional<Instant> at = reached.contains(threshold.percent()) ? Optional.empty()
                    : track.whenElapsed(threshold.elapsed());
            if (at.isPresent() && at.get().isBefore(from)) {
                late.add(threshold);
            } else if (at.isPresent() && within(at.get(), to)) {
                highestAt.put(at.get(), threshold);
            }
        }
        if (!late.isEmpty()) {
            track.firstUnstopped(from).filter(at -> within(at, to)).ifPresent(at -> late.forEach(threshold ->
                    highestAt.merge(at, threshold, (a, b) -> a.percent() > b.percent() ? a : b)));
        }
        highestAt.forEach((at, threshold) -> {
            track.terms().thresholds().stream().filter(t -> t.percent() <= threshold.percent())
                    .forEach(t -> reached.add(t.percent()));
            record(threshold.percent() == ClockTerms.BREACH_PERCENT ? MetricEventType.BREACH : MetricEventType.WARN,
                    at, threshold.percent(), track);
        });
    }

    /** The clock moves between running, paused and stopped as the status changes. */
    private void modeChanges(Instant from, Instant to) {
        for (ClockTrack.Stretch stretch : track.stretches()) {
            if (stretch.from().isAfter(from) && within(stretch.from(), to)) {
                enterMode(stretch.from(), stretch.mode(), track);
            }
        }
    }

    private void ending(Instant from, Instant to) {
        Instant end = cycle.end();
        if (end != null && end.isAfter(from) && (to == null || !end.isAfter(to))
                && track.modeBefore(end) != ClockTrack.Mode.STOPPED) {
            record(cycle.ending() == MetricCycle.Ending.CANCELLED ? MetricEventType.CANCEL : MetricEventType.FULFIL,
                    end, 0, track);
        }
    }

    private void enterMode(Instant at, ClockTrack.Mode mode, ClockTrack by) {
        MetricEventType type = mode == ClockTrack.Mode.RUNNING ? MetricEventType.RESUME
                : mode == ClockTrack.Mode.PAUSED ? MetricEventType.PAUSE : MetricEventType.FULFIL;
        record(type, at, 0, by);
    }

    private boolean within(Instant at, Instant to) {
        return (to == null || at.isBefore(to)) && cycle.covers(at, asOf);
    }

    private void record(MetricEventType type, Instant at, int percent, ClockTrack by) {
        events.add(new MetricEvent(cycle.metric(), cycle.number(), type, at, percent, by.terms().policy(),
                by.terms().target().within()));
    }
}
