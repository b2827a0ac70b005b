package io.tierline.core.report;

import java.util.Optional;

/**
 * The name of one review counter on a day item: {@code rv|<dimension>|<team>|<key>|<measure>}. Parts are cleaned of
 * the separator so a name always splits back into the same five parts.
 */
public record ReviewKey(Dimension dimension, String team, String key, String measure) {
    public static final String PREFIX = "rv|";

    public enum Dimension {
        AGENT("agent"), CUSTOMER("customer"), CATEGORY("category"), CAUSE("cause"), CAUSE_IN_AREA("cause-area"),
        SATISFACTION("sat");

        private final String code;

        Dimension(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Dimension> of(String code) {
            for (Dimension d : values()) {
                if (d.code.equals(code)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** The same counter under another key (a team's total under {@code *}). */
    ReviewKey withKey(String other) {
        return new ReviewKey(dimension, team, other, measure);
    }

    public String name() {
        return PREFIX + dimension.code + "|" + clean(team) + "|" + clean(key) + "|" + clean(measure);
    }

    /** A counter name read back from a day item; empty for the other counters. */
    public static Optional<ReviewKey> parse(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = name.substring(PREFIX.length()).split("\\|", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        return Dimension.of(parts[0]).map(d -> new ReviewKey(d, parts[1], parts[2], parts[3]));
    }

    static String agent(String team, String agent, String measure) {
        return new ReviewKey(Dimension.AGENT, team, agent, measure).name();
    }

    static String customer(String team, String customer, String measure) {
        return new ReviewKey(Dimension.CUSTOMER, team, customer, measure).name();
    }

    static String category(String team, String category, String measure) {
        return new ReviewKey(Dimension.CATEGORY, team, category, measure).name();
    }

    /** A root cause counted under the category it was found in; the measure is the cause. */
    static String cause(String team, String category, String cause) {
        return new ReviewKey(Dimension.CAUSE, team, category, cause).name();
    }

    /** A root cause counted under a product area of the ticket ({@code product-<area>} tags). */
    static String causeInArea(String team, String area, String cause) {
        return new ReviewKey(Dimension.CAUSE_IN_AREA, team, area, cause).name();
    }

    static String satisfaction(String team, String group, String rating) {
        return new ReviewKey(Dimension.SATISFACTION, team, group, rating).name();
    }

    private static String clean(String part) {
        return part.replace('|', '/');
    }
}
