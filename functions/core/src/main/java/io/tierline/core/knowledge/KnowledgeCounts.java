package io.tierline.core.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * The knowledge base's counters a customer moves without a ticket (a deflection, a vote, suggestions shown, a search
 * without an answer), added to the same per-day counter items {@code TicketReports.days} reads. Each add names a once
 * key: the counters and the key's marker are written together, so a double click or a retried post counts once.
 */
public interface KnowledgeCounts {
    /** Adds one to each counter on the UTC day of {@code at}; false (nothing changed) when the key was used before. */
    boolean add(Instant at, List<KnowledgeCounter> counters, String onceKey);
}
