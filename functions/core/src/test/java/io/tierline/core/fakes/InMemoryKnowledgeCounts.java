package io.tierline.core.fakes;

import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.knowledge.KnowledgeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The knowledge base's day counters in memory, with the once keys they were added under. */
public class InMemoryKnowledgeCounts implements KnowledgeCounts {
    private final Map<LocalDate, Map<String, Long>> days = new ConcurrentHashMap<>();
    private final Map<String, String> used = new HashMap<>();

    @Override
    public synchronized Outcome add(Instant at, List<KnowledgeCounter> counters, String onceKey) {
        String fingerprint = KnowledgeCounts.fingerprint(counters);
        String before = used.get(onceKey);
        if (before != null) {
            return before.equals(fingerprint) ? Outcome.REPEATED : Outcome.KEY_USED_FOR_OTHER_COUNTERS;
        }
        if (counters.isEmpty()) {
            return Outcome.REPEATED;
        }
        used.put(onceKey, fingerprint);
        Map<String, Long> day = days.computeIfAbsent(at.atZone(ZoneOffset.UTC).toLocalDate(), d -> new ConcurrentHashMap<>());
        counters.forEach(c -> day.merge(c.name(), 1L, Long::sum));
        return Outcome.COUNTED;
    }

    public synchronized long count(LocalDate day, KnowledgeCounter counter) {
        return days.getOrDefault(day, Map.of()).getOrDefault(counter.name(), 0L);
    }

    public synchronized Map<String, Long> day(LocalDate day) {
        return Map.copyOf(days.getOrDefault(day, Map.of()));
    }
}
