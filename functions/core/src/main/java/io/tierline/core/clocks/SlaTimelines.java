package io.tierline.core.clocks;

import io.tierline.core.sla.SlaSubject;
import io.tierline.core.sla.SlaTimeline;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
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

    public static SlaTimeline of(Ticket ticket, List<TicketEvent> events) {
        SlaSubject subject = new SlaSubject(ticket.requester().plan(), null, ticket.channel(),
                initialCategory(events, ticket.category()), null, ticket.requester().customerId());
        SlaTimeline timeline = SlaTimeline.created(ticket.createdAt(), subject);
        for (TicketEvent event : events) {
            if (event instanceof TicketEvent.Created) {
                continue;
            }
            FieldMoves moves = event.moves();
            SlaSubject next = subject;
            if (moves.moved(TicketField.PRIORITY)) {
                next = next.withPriority(moves.to(TicketField.PRIORITY).orElse(null));
            }
            if (moves.moved(TicketField.TEAM)) {
                next = next.withTeam(moves.to(TicketField.TEAM).orElse(null));
            }
            if (moves.moved(TicketField.CATEGORY)) {
                next = new SlaSubject(next.plan(), next.priority(), next.channel(),
                        moves.to(TicketField.CATEGORY).orElse(null), next.team(), next.customerId());
            }
            Status status = event.statusAfter();
            // a merge closes the ticket, and its clocks are cancelled by the merge, not fulfilled by the close
            if (status != null && !(event instanceof TicketEvent.Merged)) {
                timeline = timeline.status(event.at(), status);
            }
            if (!Objects.equals(next, subject)) {
                timeline = timeline.subject(event.at(), next);
                subject = next;
            }
            if (event instanceof TicketEvent.Replied) {
                timeline = timeline.agentReply(event.at());
            } else if (event instanceof TicketEvent.CustomerReplied) {
                timeline = timeline.customerReply(event.at());
            } else if (event instanceof TicketEvent.Merged) {
                timeline = timeline.merged(event.at());
            }
        }
        return timeline;
    }

    /** The category at creation: where its first move started, or its current value if it never moved. */
    private static String initialCategory(List<TicketEvent> events, String current) {
        return events.stream().flatMap(e -> e.moves().get(TicketField.CATEGORY).stream()).findFirst()
                .map(Move::from).orElse(current);
    }
}
