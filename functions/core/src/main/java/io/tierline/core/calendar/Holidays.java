package io.tierline.core.calendar;

import java.time.LocalDate;
import java.util.List;

/** A calendar's holidays. A date is closed when any of them covers it. */
public record Holidays(List<Holiday> list) {
    public static final Holidays NONE = new Holidays(List.of());

    public Holidays {
        list = List.copyOf(list);
    }

    public static Holidays of(Holiday... holidays) {
        return new Holidays(List.of(holidays));
    }

    public boolean covers(LocalDate date) {
        for (Holiday holiday : list) {
            if (holiday.covers(date)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any date from {@code first} to {@code last} (both included) is a holiday. */
    public boolean anyBetween(LocalDate first, LocalDate last) {
        if (list.isEmpty()) {
            return false;
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (covers(date)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
