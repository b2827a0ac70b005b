package io.tierline.core.sla;

import io.tierline.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.util.Objects;

/** A promise: {@code within} this much time of {@code calendar}; the calendar-time calendar counts every instant. */
public record SlaTarget(Duration within, BusinessCalendar calendar) {
    public SlaTarget {
        Objects.requireNonNull(calendar, "calendar");
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("a target must be positive: " + within);
        }
    }

    public static SlaTarget calendarTime(Duration within) {
        return new SlaTarget(within, BusinessCalendar.CALENDAR_TIME);
    }
}
