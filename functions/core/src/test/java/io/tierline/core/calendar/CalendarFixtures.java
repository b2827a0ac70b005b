package io.tierline.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Calendars and local times shared by the calendar tests. */
final class CalendarFixtures {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    private CalendarFixtures() {
    }

    static BusinessCalendar nineToFive(ZoneId zone, Holiday... holidays) {
        return new BusinessCalendar("nine-to-five", zone, WeeklyHours.on(WEEKDAYS, OpenInterval.of("09:00", "17:00")),
                Holidays.of(holidays));
    }

    /** Mon–Fri 09:00–12:30 and 13:30–17:00: seven hours a day, 35 a week. */
    static BusinessCalendar officeWithLunch() {
        return new BusinessCalendar("berlin-office", BERLIN, WeeklyHours.on(WEEKDAYS,
                OpenInterval.of("09:00", "12:30"), OpenInterval.of("13:30", "17:00")), Holidays.NONE);
    }

    static BusinessCalendar only(ZoneId zone, DayOfWeek day, String start, String end) {
        return new BusinessCalendar("only-" + WeeklyHours.fieldOf(day), zone,
                WeeklyHours.on(List.of(day), OpenInterval.of(start, end)), Holidays.NONE);
    }

    /** A local time that exists once in {@code zone} (not in a skipped or repeated hour). */
    static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return local(localDateTime, BERLIN);
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }
}
