package io.tierline.core.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.TicketDraft;

/**
 * Turns the ticket JSON that every channel sends (api, web form, intake queue) into a validated draft, or refuses it
 * with every problem named by field: one record ({@link TicketRequest}) and one validation for all of them.
 */
public final class TicketRequestReader {
    public static final int SUBJECT_MAX = TicketRequest.SUBJECT_MAX;

    private TicketRequestReader() {
    }

    /** @param defaultChannel the channel to assume when the request does not name one */
    public static TicketDraft read(JsonNode json, Channel defaultChannel) {
        return RequestBinder.read(json, TicketRequest.class, Origin.JSON).draft(defaultChannel);
    }
}
