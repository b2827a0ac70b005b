package io.tierline.core.triage;

import io.tierline.core.calendar.BusinessCalendar;
import java.time.Instant;

/** A rule condition on the clock: the named calendar is open (or closed) when triage runs. */
public record TimeOfDay(BusinessCalendar calendar, boolean open) {
    boolean holdsAt(Instant now) {
        return calendar.isOpen(now) == open;
    }
}
