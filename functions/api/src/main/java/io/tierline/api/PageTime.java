package io.tierline.api;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A time on a customer page, shown by the {@code time} tag as a {@code <time>} element: the words for people, the
 * instant for machines.
 *
 * @param datetime the instant, ISO-8601
 * @param words    "Mon 24 Nov 2025, 10:30 UTC"
 */
public record PageTime(String datetime, String words) {

    /** Null when there is no time to show (the tag then shows nothing). */
    static PageTime of(Instant at, ZoneId zone) {
        return at == null ? null : new PageTime(at.toString(), PlainWords.time(at, zone));
    }
}
