package io.tierline.core.clocks;

import io.tierline.core.sla.SlaSubject;
import io.tierline.core.sla.SlaTimeline;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import java.util.List;
import java.util.Objects;

/**
 * Reads a ticket's SLA timeline off its audit trail: the trail already records every status move, reply and change
 * of priority, team or category with its instant, so the clocks are a pure function of the trail and can be
 * recomputed at any time (and for any past instant) without storing clock state.
 */
public final class SlaTimelines {
    private SlaTimelines() {
    }

    public static SlaTimeline of(Ticket ticket, List<AuditEvent> events) {
        SlaSubject subject = new SlaSubject(ticket.requester().plan(), null, ticket.channel(),
                initial(events, "category", ticket.category()), null, ticket.requester().customerId());
        SlaTimeline timeline = SlaTimeline.created(ticket.createdAt(), subject);
        for (AuditEvent event : events) {
            if (event.type() == AuditEvent.EventType.CREATED) {
                continue;
            }
            SlaSubject next = subject;
            for (Change change : event.changes()) {
                switch (change.field()) {
                    case "priority" -> next = next.withPriority(change.to() == null ? null
                            : Codes.parse(Priority.class, change.to()));
                    case "team" -> next = next.withTeam(change.to());
                    case "category" -> next = new SlaSubject(next.plan(), next.priority(), next.channel(), change.to(),
                            next.team(), next.customerId());
                    case "status" -> timeline = timeline.status(event.at(), Status.fromCode(change.to()));
                    default -> { /* not an SLA matter */ }
                }
            }
            if (!Objects.equals(next, subject)) {
                timeline = timeline.subject(event.at(), next);
                subject = next;
            }
            switch (event.type()) {
                case REPLIED -> timeline = timeline.agentReply(event.at());
                case CUSTOMER_REPLIED -> timeline = timeline.customerReply(event.at());
                case MERGED -> timeline = timeline.merged(event.at());
                default -> { /* its changes were applied above */ }
            }
        }
        return timeline;
    }

    /** A field's value at creation: the "from" of its first change, or its current value if it never changed. */
    private static String initial(List<AuditEvent> events, String field, String current) {
        return events.stream().flatMap(e -> e.changes().stream()).filter(c -> c.field().equals(field)).findFirst()
                .map(Change::from).orElse(current);
    }
}
