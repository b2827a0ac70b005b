package io.tierline.core.port;

import java.time.LocalDate;
import java.util.Map;

/**
 * What happened on one UTC day, counted when it was written (never by reading tickets back): one counter per audit
 * event type by its code ("escalated", "sla-breach", …) plus the solve counters of {@link DailyCounters}.
 */
public record DayCounts(LocalDate day, Map<String, Long> counts) {
    public DayCounts {
        counts = Map.copyOf(counts);
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
