package io.tierline.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a team works: weekly hours in an IANA time zone, minus holidays. All arithmetic is pure (time is always a
 * parameter) and exact to the nanosecond; opening hours are whole minutes of local time.
 *
 * <p>An instant is open when its local date is not a holiday and its local time lies in one of that weekday's
 * intervals. So on the day clocks go forward, an interval inside the skipped hour has no open time; on the day they
 * go back, an interval inside the repeated hour is open twice.
 */
public record BusinessCalendar(String id, ZoneId timeZone, WeeklyHours weeklyHours, Holidays holidays) {
    public static final String CALENDAR_TIME_ID = "calendar-time";

    /** Plain elapsed time: every instant counts. */
    public static final BusinessCalendar CALENDAR_TIME = alwaysOpen(CALENDAR_TIME_ID, ZoneOffset.UTC);

    public BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        Objects.requireNonNull(holidays, "holidays");
    }

    public static BusinessCalendar alwaysOpen(String id, ZoneId timeZone) {
        return new BusinessCalendar(id, timeZone, WeeklyHours.allDay(), Holidays.NONE);
    }

    /** Open at every instant, so business time is plain elapsed time. */
    public boolean isCalendarTime() {
        return holidays.isEmpty() && weeklyHours.isAllDay();
    }

    public boolean isOpen(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, timeZone);
        return !holidays.covers(local.toLocalDate())
                && weeklyHours.isOpenAt(local.getDayOfWeek(), local.toLocalTime().toSecondOfDay());
    }

    /** {@code instant} itself when open, otherwise the start of the next opening. */
    public Instant nextOpening(Instant instant) {
        FirstOpening first = new FirstOpening();
        OpenTimeWalk.walk(this, instant, Instant.MAX, first);
        return first.opening;
    }

    /**
     * The earliest instant at which {@code amount} of business time has elapsed since {@code start}. For a positive
     * amount that is inside open time or at the end of an interval, never at the next opening; adding zero returns
     * {@code start} itself, even when closed.
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Advance advance = new Advance(amount);
        OpenTimeWalk.walk(this, start, Instant.MAX, advance);
        return advance.reached;
    }

    /** The business time in [a, b); negative when b is before a, like {@link Duration#between}. */
    public Duration businessTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return businessTimeBetween(b, a).negated();
        }
        Sum sum = new Sum();
        OpenTimeWalk.walk(this, a, b, sum);
        return sum.total;
    }

    private static final class FirstOpening implements OpenTimeWalk.Visitor {
        Instant opening;

        @Override
        public boolean wholeWeek(Instant from, Instant to, Duration open) {
            return false;
        }

        @Override
        public boolean span(Instant from, Instant to) {
            opening = from;
            return false;
        }
    }

    private static final class Advance implements OpenTimeWalk.Visitor {
        Duration remaining;
        Instant reached;

        Advance(Duration amount) {
            remaining = amount;
        }

        @Override
        public boolean wholeWeek(Instant from, Instant to, Duration open) {
            // strictly less: when the week holds exactly what is left, the end lies inside it, not at its end
            if (open.compareTo(remaining) < 0) {
                remaining = remaining.minus(open);
                return true;
            }
            return false;
        }

        @Override
        public boolean span(Instant from, Instant to) {
            Duration span = Duration.between(from, to);
            if (span.compareTo(remaining) >= 0) {
                reached = from.plus(remaining);
                return false;
            }
            remaining = remaining.minus(span);
            return true;
        }
    }

    private static final class Sum implements OpenTimeWalk.Visitor {
        Duration total = Duration.ZERO;

        @Override
        public boolean wholeWeek(Instant from, Instant to, Duration open) {
            total = total.plus(open);
            return true;
        }

        @Override
        public boolean span(Instant from, Instant to) {
            total = total.plus(Duration.between(from, to));
            return true;
        }
    }
}
