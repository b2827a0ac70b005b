package io.tierline.core.sla;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.DocumentProblems;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Targets as operators write them: "30m", "4h", "1h30m", "3d" (a day is 24 hours). */
public final class DurationText {
    private static final Pattern TEXT = Pattern.compile("(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?");
    private static final Duration LONGEST = Duration.ofDays(366);

    private DurationText() {
    }

    public static Duration parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("must be a duration such as 30m, 4h, 1h30m or 3d");
        }
        Duration duration = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                .plusMinutes(number(m.group(3)));
        if (duration.isZero() || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("must be from 1m to 366d");
        }
        return duration;
    }

    /**
     * A duration of the policy document whose form the schema has checked, or null when it is absent or refused;
     * its range (1m to 366d) is checked here, which a pattern cannot do.
     */
    public static Duration read(JsonNode node, JsonPointer at, DocumentProblems problems) {
        if (node.isMissingNode() || !problems.sound(at)) {
            return null;
        }
        try {
            return parse(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return null;
        }
    }

    /** Whether the text counts in days, which only mean 24 hours where every hour counts. */
    public static boolean usesDays(String text) {
        return text.contains("d");
    }

    public static String format(Duration duration) {
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        append(text, rest.toDays(), "d");
        append(text, rest.toHoursPart(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        return text.length() == (duration.isNegative() ? 1 : 0) ? "0m" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
