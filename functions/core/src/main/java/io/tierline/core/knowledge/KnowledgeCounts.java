package io.tierline.core.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * The knowledge base's counters a customer moves without a ticket (a deflection, a vote, suggestions shown, a search
 * without an answer), added to the same per-day counter items {@code TicketReports.days} reads. Each add names a once
 * key: the counters and the key's marker are written together, so a double click or a retried post counts once.
 */
public interface KnowledgeCounts {
    /** What an add did. */
    enum Outcome {
        /** The counters went up by one. */
        COUNTED,
        /** Nothing changed: the key had added the same counters before (a double click, a retried post). */
        REPEATED,
        /** Nothing changed: the key had added other counters before (the other answer of a vote). */
        KEY_USED_FOR_OTHER_COUNTERS;

        public boolean counted() {
            return this == COUNTED;
        }
    }

    /** Adds one to each counter on the UTC day of {@code at}, unless the key was used before. */
    Outcome add(Instant at, List<KnowledgeCounter> counters, String onceKey);

    /** The once key's record of what it added: the counters' names, sorted, so a repeat is told from a reuse. */
    static String fingerprint(List<KnowledgeCounter> counters) {
        return String.join(",", counters.stream().map(KnowledgeCounter::name).sorted().toList());
    }
}
