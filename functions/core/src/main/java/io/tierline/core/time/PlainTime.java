package io.tierline.core.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Tierline tells a customer a time: "Mon 24 Nov 2025, 10:30 UTC", always naming the time zone. */
public final class PlainTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);

    private PlainTime() {
    }

    public static String of(Instant at, ZoneId zone) {
        String label = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        return TIME.format(at.atZone(zone)) + " " + label;
    }
}
