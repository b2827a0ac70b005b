package io.tierline.core.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of opening hours within a day, [start, end) in seconds since local midnight. The end may be 86 400
 * ("24:00"): a day open until midnight then has no closed last minute (the 00:00–23:59 bug of Zammad #3180).
 */
public record OpenInterval(int startSecond, int endSecond) {
    public static final int SECONDS_PER_DAY = 86_400;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])|(24):(00)");

    public OpenInterval {
        if (startSecond < 0 || endSecond > SECONDS_PER_DAY) {
            throw new IllegalArgumentException("must lie within the day, 00:00 to 24:00");
        }
        if (endSecond <= startSecond) {
            throw new IllegalArgumentException("must end after it starts");
        }
    }

    /** From "HH:mm" texts; "24:00" is allowed as the end and means midnight at the end of the day. */
    public static OpenInterval of(String start, String end) {
        return new OpenInterval(secondOfDay(start), secondOfDay(end));
    }

    /** Seconds since midnight of an "HH:mm" time from 00:00 to 24:00. */
    public static int secondOfDay(String time) {
        Matcher m = time == null ? null : TIME.matcher(time);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a time HH:mm from 00:00 to 24:00");
        }
        int hours = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
        int minutes = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
        return hours * 3600 + minutes * 60;
    }

    public boolean contains(int secondOfDay) {
        return secondOfDay >= startSecond && secondOfDay < endSecond;
    }

    public int seconds() {
        return endSecond - startSecond;
    }

    @Override
    public String toString() {
        return text(startSecond) + "–" + text(endSecond);
    }

    private static String text(int second) {
        String hm = String.format("%02d:%02d", second / 3600, second % 3600 / 60);
        return second % 60 == 0 ? hm : hm + String.format(":%02d", second % 60);
    }
}
