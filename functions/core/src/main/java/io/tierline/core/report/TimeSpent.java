package io.tierline.core.report;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time spent in each tier and in the team, as counted by the escalation reviews: every stay that ends (the ticket
 * moves to another tier or team, or is solved) adds one to a histogram bucket, a day counter named
 * {@code stay-tier<n>-le<minutes>} or {@code stay-team-le<minutes>}, so the median and p90 of any period are read
 * from the day items' sums without reading a ticket. A bucket's name carries its upper edge, so the edges may change
 * later and old counters still read right. Buckets lie about ×1.5 apart from one minute to a year; a percentile is
 * the upper edge of the bucket that holds it (nearest rank): "half the stays ended within 2 h".
 *
 * @param inTier per tier ("1", "2", …), the stays that ended in it
 * @param inTeam the stays in the team, from entering it to leaving it or the solve
 */
public record TimeSpent(Map<String, Stays> inTier, Stays inTeam) {
    static final String PREFIX = "stay-";
    private static final String TEAM = PREFIX + "team-le";
    private static final String TIER = PREFIX + "tier";
    private static final long[] EDGES_MINUTES = {1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480,
            720, 960, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240, 43200, 64800, 129600, 259200,
            525600};

    /**
     * @param stays         how many stays ended in the period
     * @param medianMinutes half of them ended within this many minutes (null without stays)
     * @param p90Minutes    nine in ten of them ended within this many minutes
     */
    public record Stays(long stays, Long medianMinutes, Long p90Minutes) {
        static final Stays NONE = new Stays(0, null, null);

        static Stays of(Map<Long, Long> histogram) {
            long total = histogram.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                return NONE;
            }
            return new Stays(total, percentile(histogram, total, 0.5), percentile(histogram, total, 0.9));
        }

        private static long percentile(Map<Long, Long> histogram, long total, double q) {
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            long edge = 0;
            for (Map.Entry<Long, Long> bucket : new TreeMap<>(histogram).entrySet()) {
                seen += bucket.getValue();
                edge = bucket.getKey();
                if (seen >= rank) {
                    break;
                }
            }
            return edge;
        }
    }

    /** The counter of a stay in a tier that lasted {@code time}. */
    static String tierStay(int tier, Duration time) {
        return TIER + tier + "-le" + edgeOf(time);
    }

    /** The counter of a stay in a team that lasted {@code time}. */
    static String teamStay(Duration time) {
        return TEAM + edgeOf(time);
    }

    /** The figures of one review row from its measures (the others are ignored). */
    static TimeSpent of(Map<String, Long> measures) {
        Map<String, Map<Long, Long>> tiers = new TreeMap<>();
        Map<Long, Long> team = new TreeMap<>();
        measures.forEach((measure, n) -> {
            if (measure.startsWith(TEAM)) {
                edge(measure.substring(TEAM.length())).ifPresent(e -> team.merge(e, n, Long::sum));
            } else if (measure.startsWith(TIER)) {
                String rest = measure.substring(TIER.length());
                int dash = rest.indexOf("-le");
                if (dash > 0) {
                    edge(rest.substring(dash + 3)).ifPresent(e -> tiers.computeIfAbsent(rest.substring(0, dash),
                            t -> new TreeMap<>()).merge(e, n, Long::sum));
                }
            }
        });
        Map<String, Stays> inTier = new TreeMap<>();
        tiers.forEach((tier, histogram) -> inTier.put(tier, Stays.of(histogram)));
        return new TimeSpent(inTier, Stays.of(team));
    }

    /** The smallest edge the stay fits under; a stay longer than a year counts in the last bucket. */
    static long edgeOf(Duration time) {
        long minutes = (Math.max(0, time.getSeconds()) + 59) / 60;
        for (long edge : EDGES_MINUTES) {
            if (minutes <= edge) {
                return edge;
            }
        }
        return EDGES_MINUTES[EDGES_MINUTES.length - 1];
    }

    private static java.util.Optional<Long> edge(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
