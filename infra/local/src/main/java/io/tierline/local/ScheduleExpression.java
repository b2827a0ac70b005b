package io.tierline.local;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An EventBridge schedule expression: {@code rate(...)}, {@code cron(...)} or (Scheduler only) {@code at(...)}. */
interface ScheduleExpression {

    /** The first scheduled time strictly after {@code time}, or null when there is none any more. */
    ZonedDateTime nextAfter(ZonedDateTime time);

    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    /**
     * @param start when the schedule was created: a rate counts from there (first run one period later)
     */
    static ScheduleExpression parse(String expression, ZonedDateTime start) {
        String trimmed = expression == null ? "" : expression.trim();
        Matcher rate = RATE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            return new Rate(start.truncatedTo(ChronoUnit.MINUTES), unit(rate.group(2)).multipliedBy(Long.parseLong(rate.group(1))));
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) {
            return CronExpression.parse(cron.group(1));
        }
        Matcher at = AT.matcher(trimmed);
        if (at.matches()) {
            ZonedDateTime once = LocalDateTime.parse(at.group(1)).atZone(start.getZone());
            return time -> once.isAfter(time) ? once : null;
        }
        throw new IllegalArgumentException("Not a schedule expression: " + expression
                + " (expected rate(N minutes|hours|days), cron(m h dom mon dow year) or at(yyyy-mm-ddThh:mm:ss))");
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
    }

    /** Every period, counted from the minute the schedule started. */
    record Rate(ZonedDateTime anchor, Duration period) implements ScheduleExpression {
        @Override
        public ZonedDateTime nextAfter(ZonedDateTime time) {
            if (time.isBefore(anchor)) {
                return anchor.plus(period);
            }
            long periodsPassed = Duration.between(anchor, time).toMillis() / period.toMillis();
            return anchor.plus(period.multipliedBy(periodsPassed + 1)).withZoneSameInstant(time.getZone());
        }
    }

    static ZoneId zone(String timeZone) {
        return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone);
    }
}
