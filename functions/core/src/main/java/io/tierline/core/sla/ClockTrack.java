package io.tierline.core.sla;

import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cycle measured under one policy's terms, over its whole life: when the clock runs, stands still (a pausing
 * status) or is stopped (solved), and how much business time it has counted by any instant. Measuring a cycle again
 * under new terms from its start is what makes a policy change retroactive while keeping the paused time.
 */
final class ClockTrack {
    enum Mode { RUNNING, PAUSED, STOPPED }

    /** The clock's mode from {@code from} until {@code to} (null: open-ended, projected into the future). */
    record Stretch(Instant from, Instant to, Mode mode) {
        boolean contains(Instant instant) {
            return !instant.isBefore(from) && (to == null || instant.isBefore(to));
        }
    }

    private final ClockTerms terms;
    private final List<Stretch> stretches;

    private ClockTrack(ClockTerms terms, List<Stretch> stretches) {
        this.terms = terms;
        this.stretches = stretches;
    }

    static ClockTrack of(MetricCycle cycle, ClockTerms terms, TicketCourse course) {
        List<Stretch> stretches = new ArrayList<>();
        List<TicketCourse.Stretch<Status>> statuses = course.statuses();
        for (int i = 0; i < statuses.size(); i++) {
            Instant from = latest(statuses.get(i).from(), cycle.start());
            Instant to = earliest(i + 1 < statuses.size() ? statuses.get(i + 1).from() : null, cycle.end());
            if (to == null || from.isBefore(to)) {
                add(stretches, new Stretch(from, to, modeIn(statuses.get(i).value(), terms)));
            }
        }
        return new ClockTrack(terms, List.copyOf(stretches));
    }

    ClockTerms terms() {
        return terms;
    }

    List<Stretch> stretches() {
        return stretches;
    }

    /** The mode at {@code instant}, after whatever happened at that very instant. */
    Mode modeAt(Instant instant) {
        for (Stretch stretch : stretches) {
            if (stretch.contains(instant)) {
                return stretch.mode();
            }
        }
        return stretches.get(stretches.size() - 1).mode();
    }

    /** The mode just before {@code instant}. */
    Mode modeBefore(Instant instant) {
        Mode mode = stretches.get(0).mode();
        for (Stretch stretch : stretches) {
            if (!stretch.from().isBefore(instant)) {
                break;
            }
            mode = stretch.mode();
        }
        return mode;
    }

    /** The earliest instant from {@code instant} on at which the clock is not stopped; empty if it stays stopped. */
    Optional<Instant> firstUnstopped(Instant instant) {
        for (Stretch stretch : stretches) {
            if (stretch.mode() != Mode.STOPPED && (stretch.to() == null || stretch.to().isAfter(instant))) {
                return Optional.of(latest(stretch.from(), instant));
            }
        }
        return Optional.empty();
    }

    /** Business time counted from the cycle's start until {@code instant}. */
    Duration elapsedUntil(Instant instant) {
        Duration elapsed = Duration.ZERO;
        for (Stretch stretch : stretches) {
            if (stretch.mode() == Mode.RUNNING && stretch.from().isBefore(instant)) {
                elapsed = elapsed.plus(calendar().businessTimeBetween(stretch.from(), earliest(stretch.to(), instant)));
            }
        }
        return elapsed;
    }

    /**
     * The earliest instant at which the clock has counted {@code amount} while not stopped: a solved ticket reaches
     * nothing, so an amount reached exactly when it was solved counts as reached when it is reopened. Projected
     * into the future while the clock runs; empty when it is not reached while running, stopped or paused.
     */
    Optional<Instant> whenElapsed(Duration amount) {
        Duration counted = Duration.ZERO;
        for (Stretch stretch : stretches) {
            if (stretch.mode() != Mode.RUNNING) {
                continue;
            }
            Duration here = stretch.to() == null ? null : calendar().businessTimeBetween(stretch.from(), stretch.to());
            if (here == null || counted.plus(here).compareTo(amount) >= 0) {
                Instant reached = calendar().addBusinessTime(stretch.from(), amount.minus(counted));
                return firstUnstopped(reached);
            }
            counted = counted.plus(here);
        }
        return Optional.empty();
    }

    private BusinessCalendar calendar() {
        return terms.target().calendar();
    }

    private static Mode modeIn(Status status, ClockTerms terms) {
        if (status.isDone()) {
            return Mode.STOPPED;
        }
        return terms.pausedIn().contains(status) ? Mode.PAUSED : Mode.RUNNING;
    }

    /** Stretches of the same mode join: moving from pending to on-hold does not resume a clock. */
    private static void add(List<Stretch> stretches, Stretch next) {
        if (!stretches.isEmpty() && stretches.get(stretches.size() - 1).mode() == next.mode()) {
            Stretch last = stretches.remove(stretches.size() - 1);
            stretches.add(new Stretch(last.from(), next.to(), next.mode()));
        } else {
            stretches.add(next);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier of two instants, where null means never. */
    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
