package io.tierline.core.ticket;

import java.util.List;

/** Validated input for a new ticket, whatever channel it came through. */
public record TicketDraft(String subject, String description, Requester requester, Channel channel, Level impact,
                          Level urgency, String category, List<String> tags, List<ArticleRef> articlesSeen) {
    public TicketDraft {
        tags = List.copyOf(tags);
        articlesSeen = articlesSeen == null ? List.of() : List.copyOf(articlesSeen);
    }

    /** A draft from a form or system that showed the customer no articles. */
    public TicketDraft(String subject, String description, Requester requester, Channel channel, Level impact,
                       Level urgency, String category, List<String> tags) {
        this(subject, description, requester, channel, impact, urgency, category, tags, List.of());
    }
}
