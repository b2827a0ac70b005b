package io.tierline.core.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * Validated input for a new ticket, whatever channel it came through: what was asked, by whom and how, how badly it
 * hurts, what it is about, and the articles the customer saw before filing. Written as one flat JSON object (the
 * parts inline, in this order): that text's fingerprint is what an Idempotency-Key is kept with.
 */
public record TicketDraft(@JsonUnwrapped Asked asked, Requester requester, Channel channel,
                          @JsonUnwrapped Levels levels, @JsonUnwrapped Topic topic, List<ArticleRef> articlesSeen) {
    public TicketDraft {
        articlesSeen = articlesSeen == null ? List.of() : List.copyOf(articlesSeen);
    }

    public record Asked(String subject, String description) {
    }

    /** How far the problem reaches and how soon it hurts. */
    public record Levels(Level impact, Level urgency) {
    }

    /** @param category null until someone or triage sets one */
    public record Topic(String category, List<String> tags) {
        public Topic {
            tags = List.copyOf(tags);
        }
    }

    /** A draft from a form or system that showed the customer no articles. */
    public TicketDraft(Asked asked, Requester requester, Channel channel, Levels levels, Topic topic) {
        this(asked, requester, channel, levels, topic, List.of());
    }

    // ---- the parts' fields, for the many readers -----------------------------------------------------------------

    public String subject() {
        return asked.subject();
    }

    public String description() {
        return asked.description();
    }

    public Level impact() {
        return levels.impact();
    }

    public Level urgency() {
        return levels.urgency();
    }

    public String category() {
        return topic.category();
    }

    public List<String> tags() {
        return topic.tags();
    }
}
