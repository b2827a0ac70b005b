package io.tierline.core.calendar;

import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening hours per day of the week, in local time; a day that is absent or empty is closed. Intervals of one day
 * must be in order and must not overlap (they may touch). A week without any opening is refused: a clock on such a
 * calendar would never reach its deadline.
 */
public record WeeklyHours(Map<DayOfWeek, List<OpenInterval>> days) {

    public WeeklyHours {
        Map<DayOfWeek, List<OpenInterval>> copy = new EnumMap<>(DayOfWeek.class);
        List<FieldError> errors = new ArrayList<>();
        days.forEach((day, intervals) -> {
            checkOrder(day, intervals, errors);
            if (!intervals.isEmpty()) {
                copy.put(day, List.copyOf(intervals));
            }
        });
        if (errors.isEmpty() && copy.isEmpty()) {
            errors.add(new FieldError("weekly", "has no opening hours on any day; a clock on this calendar would "
                    + "never reach a deadline (use alwaysOpen for 24/7)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        days = Collections.unmodifiableMap(copy);
    }

    /** Every day from 00:00 to 24:00: open at every instant, in any time zone. */
    public static WeeklyHours allDay() {
        Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(new OpenInterval(0, OpenInterval.SECONDS_PER_DAY)));
        }
        return new WeeklyHours(days);
    }

    /** The same intervals on each of the given days, e.g. Monday to Friday 09:00–17:00. */
    public static WeeklyHours on(List<DayOfWeek> days, OpenInterval... intervals) {
        Map<DayOfWeek, List<OpenInterval>> map = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> map.put(day, Arrays.asList(intervals)));
        return new WeeklyHours(map);
    }

    public List<OpenInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isOpenAt(DayOfWeek day, int secondOfDay) {
        return on(day).stream().anyMatch(interval -> interval.contains(secondOfDay));
    }

    /** The open time of seven consecutive ordinary days (no holiday, no change of UTC offset). */
    public Duration perWeek() {
        return Duration.ofSeconds(days.values().stream().flatMap(List::stream).mapToLong(OpenInterval::seconds).sum());
    }

    public boolean isAllDay() {
        return equals(allDay());
    }

    public static String fieldOf(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static void checkOrder(DayOfWeek day, List<OpenInterval> intervals, List<FieldError> errors) {
        for (int i = 1; i < intervals.size(); i++) {
            OpenInterval before = intervals.get(i - 1);
            OpenInterval interval = intervals.get(i);
            String field = "weekly." + fieldOf(day) + "[" + i + "]";
            if (interval.startSecond() < before.startSecond()) {
                errors.add(new FieldError(field, "intervals out of order: " + interval + " starts before " + before
                        + "; list a day's intervals from morning to evening"));
            } else if (interval.startSecond() < before.endSecond()) {
                errors.add(new FieldError(field, "intervals overlap: " + interval + " starts before " + before
                        + " ends"));
            }
        }
    }
}
