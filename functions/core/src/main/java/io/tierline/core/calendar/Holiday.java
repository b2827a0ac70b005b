package io.tierline.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/** A local day on which the calendar is closed all day, whatever its weekly hours say. */
public sealed interface Holiday {

    boolean covers(LocalDate date);

    /** One date, e.g. 2026-12-24. */
    record OnDate(LocalDate date) implements Holiday {
        @Override
        public boolean covers(LocalDate day) {
            return date.equals(day);
        }
    }

    /** Every date from {@code from} to {@code to}, both included. */
    record DateRange(LocalDate from, LocalDate to) implements Holiday {
        public DateRange {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("must not end before it starts");
            }
        }

        @Override
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** The same day every year, e.g. 12-25; 02-29 closes only leap days. */
    record Yearly(MonthDay day) implements Holiday {
        @Override
        public boolean covers(LocalDate date) {
            return day.equals(MonthDay.from(date));
        }
    }
}
