package io.tierline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Order statistics of measured durations, and how they are printed. */
final class Durations {
    private Durations() {
    }

    /** The nearest-rank percentile: a value that was measured, never an interpolation. */
    static Duration percentile(List<Duration> measured, int percent) {
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("nothing measured");
        }
        List<Duration> sorted = measured.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static Duration median(List<Duration> measured) {
        return percentile(measured, 50);
    }

    static String millis(Duration d) {
        return d.toNanos() < 10_000_000 ? String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6)
                : String.format(Locale.ROOT, "%,d ms", d.toMillis());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** How many times {@code larger} is {@code smaller}, e.g. "69x"; "-" when it cannot be said. */
    static String ratio(double larger, double smaller) {
        if (smaller <= 0) {
            return "-";
        }
        double r = larger / smaller;
        return r >= 10 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.1fx", r);
    }
}
