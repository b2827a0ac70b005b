package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.TicketHistory;
import java.time.Instant;
import java.util.List;

/**
 * What the customer sees of their ticket: its status and the public conversation. Internal notes, assignments,
 * teams and priorities never appear here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerTicketView(String id, String subject, String description, String status, String resolution,
                                 String mergedInto, Instant createdAt, Instant updatedAt, List<Entry> conversation) {

    /** One public event: who (you or support), what kind, and its text. */
    public record Entry(Instant at, String from, String type, String body, String reason) {
    }

    public static CustomerTicketView of(TicketHistory history) {
        var t = history.ticket();
        List<Entry> entries = history.events().stream().filter(AuditEvent::isPublic)
                .map(e -> new Entry(e.at(), e.actor().kind() == Actor.Kind.CUSTOMER
                        && e.type() != AuditEvent.EventType.CUSTOMER_UPDATED ? "you" : "support",
                        Codes.of(e.type()), e.body(), e.type() == AuditEvent.EventType.ESCALATION_REQUESTED
                        || e.type() == AuditEvent.EventType.REOPENED ? e.reason() : null))
                .toList();
        return new CustomerTicketView(t.id().value(), t.subject(), t.description(), t.status().code(),
                t.resolution() == null ? null : t.resolution().note(),
                t.mergedInto() == null ? null : t.mergedInto().value(), t.createdAt(), t.updatedAt(), entries);
    }
}
