package io.tierline.core.fakes;

import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.knowledge.KnowledgeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The knowledge base's day counters in memory, with the once keys they were added under. */
public class InMemoryKnowledgeCounts implements KnowledgeCounts {
    private final Map<LocalDate, Map<String, Long>> days = new ConcurrentHashMap<>();
    private final Set<String> used = new HashSet<>();

    @Override
    public synchronized boolean add(Instant at, List<KnowledgeCounter> counters, String onceKey) {
        if (counters.isEmpty() || !used.add(onceKey)) {
            return false;
        }
        Map<String, Long> day = days.computeIfAbsent(at.atZone(ZoneOffset.UTC).toLocalDate(), d -> new ConcurrentHashMap<>());
        counters.forEach(c -> day.merge(c.name(), 1L, Long::sum));
        return true;
    }

    public synchronized long count(LocalDate day, KnowledgeCounter counter) {
        return days.getOrDefault(day, Map.of()).getOrDefault(counter.name(), 0L);
    }

    public synchronized Map<String, Long> day(LocalDate day) {
        return Map.copyOf(days.getOrDefault(day, Map.of()));
    }
}
