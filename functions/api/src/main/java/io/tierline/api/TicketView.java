package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import java.time.Instant;
import java.util.List;

/** The JSON a client sees of a ticket, with its audit trail when it was asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String id, String subject, String description, Requester requester, String channel,
                         String status, String impact, String urgency, String priority, String category, String team,
                         Integer tier, List<String> tags, Instant createdAt, Instant updatedAt, long version,
                         List<EventView> events) {

    public record EventView(Instant at, String actor, String type, List<Change> changes, String reason) {
        static EventView of(AuditEvent e) {
            return new EventView(e.at(), Codes.of(e.actor().kind()) + ":" + e.actor().id(), Codes.of(e.type()),
                    e.changes(), e.reason());
        }
    }

    public static TicketView of(Ticket t, List<AuditEvent> events) {
        return new TicketView(t.id().value(), t.subject(), t.description(), t.requester(), t.channel().code(),
                t.status().code(), t.impact().code(), t.urgency().code(),
                t.priority() == null ? null : t.priority().code(), t.category(), t.team(),
                t.tier() == null ? null : t.tier().number(), t.tags(), t.createdAt(), t.updatedAt(), t.version(),
                events == null ? null : events.stream().map(EventView::of).toList());
    }

    public static TicketView of(TicketHistory history) {
        return of(history.ticket(), history.events());
    }
}
