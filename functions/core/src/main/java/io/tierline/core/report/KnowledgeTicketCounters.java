package io.tierline.core.report;

import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knowledge base's counters that a ticket's own write moves (a ticket filed after the form's suggestions, a
 * ticket solved with an article), added to the same day item as {@link DailyCounters} and so written in the ticket's
 * transaction. The counters a customer moves without a ticket (a deflection, a vote) are written by the knowledge
 * base's side under the same {@link KnowledgeCounter} names. New event kinds become new cases of the one switch.
 */
public final class KnowledgeTicketCounters {
    private final Map<String, Long> increments = new LinkedHashMap<>();

    private KnowledgeTicketCounters() {
    }

    public static Map<String, Long> of(TicketChange change) {
        KnowledgeTicketCounters counters = new KnowledgeTicketCounters();
        for (TicketEvent event : change.events()) {
            counters.count(event);
        }
        return counters.increments;
    }

    private void count(TicketEvent event) {
        switch (event.type()) {
            case CREATED -> {
                if (event instanceof TicketEvent.Created created && !created.articlesSeen().isEmpty()) {
                    add(KnowledgeCounter.filedAfterSuggestions());
                }
            }
            case RESOLVED -> {
                TicketEvent.Resolved resolved = (TicketEvent.Resolved) event;
                if (resolved.solvedWith() != null) {
                    add(KnowledgeCounter.solvedWith(new ArticleId(resolved.solvedWith().value())));
                }
            }
            default -> {
                // no knowledge-base figure moves
            }
        }
    }

    private void add(KnowledgeCounter counter) {
        increments.merge(counter.name(), 1L, Long::sum);
    }
}
