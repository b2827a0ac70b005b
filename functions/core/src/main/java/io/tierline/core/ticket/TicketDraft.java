package io.tierline.core.ticket;

import java.util.List;

/** Validated input for a new ticket, whatever channel it came through. */
public record TicketDraft(String subject, String description, Requester requester, Channel channel, Level impact,
                          Level urgency, String category, List<String> tags) {
    public TicketDraft {
        tags = List.copyOf(tags);
    }
}
