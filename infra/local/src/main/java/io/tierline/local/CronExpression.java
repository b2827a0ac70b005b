package io.tierline.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge cron expression: {@code minutes hours day-of-month month day-of-week year}, with {@code * ? , - /},
 * month and weekday names, {@code L} (last day of the month; {@code 5L} last Thursday) and {@code 2#1} (first Monday).
 * Days of the week count 1 = Sunday to 7 = Saturday. {@code W} is not supported.
 */
final class CronExpression implements ScheduleExpression {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int SEARCH_YEARS = 5;

    private final BitSet minutes;
    private final BitSet hours;
    private final DayRule dayOfMonth;
    private final BitSet months;
    private final DayRule dayOfWeek;
    private final BitSet years;

    /** Whether a date matches one of the two day fields. */
    private interface DayRule {
        boolean matches(LocalDate date);

        boolean unrestricted();
    }

    private CronExpression(BitSet minutes, BitSet hours, DayRule dayOfMonth, BitSet months, DayRule dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    static CronExpression parse(String fields) {
        String[] parts = fields.trim().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("cron(" + fields + ") needs 6 fields: minutes hours day-of-month month"
                    + " day-of-week year");
        }
        return new CronExpression(
                values(parts[0], 0, 59, List.of()),
                values(parts[1], 0, 23, List.of()),
                dayOfMonthRule(parts[2].toUpperCase(Locale.ROOT)),
                values(parts[3].toUpperCase(Locale.ROOT), 1, 12, MONTHS),
                dayOfWeekRule(parts[4].toUpperCase(Locale.ROOT)),
                values(parts[5], 1970, 2199, List.of()));
    }

    @Override
    public ZonedDateTime nextAfter(ZonedDateTime time) {
        ZonedDateTime candidate = time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = candidate.toLocalDate();
        LocalDate last = date.plusYears(SEARCH_YEARS);
        LocalTime from = candidate.toLocalTime();
        for (; !date.isAfter(last); date = date.plusDays(1), from = LocalTime.MIDNIGHT) {
            if (!years.get(date.getYear()) || !months.get(date.getMonthValue()) || !dayMatches(date)) {
                continue;
            }
            for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int firstMinute = hour == from.getHour() ? from.getMinute() : 0;
                int minute = minutes.nextSetBit(firstMinute);
                if (minute >= 0) {
                    return date.atTime(hour, minute).atZone(time.getZone());
                }
            }
        }
        return null;
    }

    /** EventBridge wants one of the day fields to be '?'; if neither is, both must match. */
    private boolean dayMatches(LocalDate date) {
        if (dayOfMonth.unrestricted()) {
            return dayOfWeek.matches(date);
        }
        if (dayOfWeek.unrestricted()) {
            return dayOfMonth.matches(date);
        }
        return dayOfMonth.matches(date) && dayOfWeek.matches(date);
    }

    private static DayRule dayOfMonthRule(String field) {
        if (field.contains("W")) {
            throw new IllegalArgumentException("cron day-of-month '" + field + "': W is not supported locally");
        }
        if (field.equals("L")) {
            return rule(date -> date.getDayOfMonth() == date.lengthOfMonth(), false);
        }
        BitSet days = values(field, 1, 31, List.of());
        return rule(date -> days.get(date.getDayOfMonth()), isUnrestricted(field));
    }

    private static DayRule dayOfWeekRule(String field) {
        if (field.contains("#")) {
            String[] parts = field.split("#");
            DayOfWeek weekday = weekday(single(parts[0], WEEKDAYS, 1, 7));
            int nth = Integer.parseInt(parts[1]);
            return rule(date -> date.getDayOfWeek() == weekday && (date.getDayOfMonth() - 1) / 7 + 1 == nth, false);
        }
        if (field.endsWith("L")) {
            DayOfWeek weekday = field.equals("L") ? DayOfWeek.SATURDAY
                    : weekday(single(field.substring(0, field.length() - 1), WEEKDAYS, 1, 7));
            return rule(date -> date.equals(date.with(TemporalAdjusters.lastInMonth(weekday))), false);
        }
        BitSet days = values(field, 1, 7, WEEKDAYS);
        return rule(date -> days.get(date.getDayOfWeek().getValue() % 7 + 1), isUnrestricted(field));
    }

    private static DayRule rule(java.util.function.Predicate<LocalDate> predicate, boolean unrestricted) {
        return new DayRule() {
            @Override
            public boolean matches(LocalDate date) {
                return predicate.test(date);
            }

            @Override
            public boolean unrestricted() {
                return unrestricted;
            }
        };
    }

    private static boolean isUnrestricted(String field) {
        return field.equals("?") || field.equals("*");
    }

    /** 1 = Sunday … 7 = Saturday */
    private static DayOfWeek weekday(int cronDay) {
        return DayOfWeek.of(cronDay == 1 ? 7 : cronDay - 1);
    }

    private static BitSet values(String field, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        for (String item : field.split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = Integer.parseInt(item.substring(slash + 1));
                if (step < 1) {
                    throw new IllegalArgumentException("cron step must be positive: " + item);
                }
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", 2);
                from = single(bounds[0], names, min, max);
                to = single(bounds[1], names, min, max);
            } else {
                from = single(range, names, min, max);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int single(String text, List<String> names, int min, int max) {
        int value = names.contains(text) ? names.indexOf(text) + min : Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("cron value " + text + " is outside " + min + "-" + max);
        }
        return value;
    }
}
