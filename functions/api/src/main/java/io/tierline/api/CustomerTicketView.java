package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketEvent.EventType;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.followup.FollowUps;
import io.tierline.core.ticket.TicketHistory;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the customer sees of their ticket: its status, the public conversation and their satisfaction rating.
 * Internal notes, assignments, teams and priorities never appear here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerTicketView(String id, String subject, String description, String status, String resolution,
                                 String mergedInto, Satisfaction satisfaction, Instant createdAt, Instant updatedAt,
                                 List<Entry> conversation, boolean followUpAwaited) {
    // followUpAwaited: the customer was asked whether the last resolution held and has not answered yet
    /** Public events whose reason is meant for the customer's eyes (the rest may hold agents' wording). */
    /** Only a solved or closed ticket has a resolution to tell (one stored before a move back to open does not). */
    private static final Set<EventType> REASON_SHOWN = Set.of(EventType.ESCALATION_REQUESTED, EventType.REOPENED,
            EventType.SATISFACTION_RATED, EventType.FOLLOW_UP_ANSWERED);

    /**
     * One public event: who (you or support), what kind, and its text.
     *
     * @param status the status the event moved the ticket to, if it did
     */
    public record Entry(Instant at, String from, String type, String body, String reason, String status) {
    }

    /** A view with no follow-up awaited. */
    public CustomerTicketView(String id, String subject, String description, String status, String resolution,
                              String mergedInto, Satisfaction satisfaction, Instant createdAt, Instant updatedAt,
                              List<Entry> conversation) {
        this(id, subject, description, status, resolution, mergedInto, satisfaction, createdAt, updatedAt,
                conversation, false);
    }

    public static CustomerTicketView of(TicketHistory history) {
        var t = history.ticket();
        List<Entry> entries = history.events().stream().filter(TicketEvent::isPublic)
                .map(e -> new Entry(e.at(), e.actor().kind() == Actor.Kind.CUSTOMER
                        && e.type() != TicketEvent.EventType.CUSTOMER_UPDATED ? "you" : "support",
                        Codes.of(e.type()), e.body(), REASON_SHOWN.contains(e.type()) ? e.reason() : null,
                        e.statusAfter() == null ? null : e.statusAfter().code()))
                .toList();
        return new CustomerTicketView(t.id().value(), t.subject(), t.description(), t.status().code(),
                t.resolution() == null || !t.status().isDone() ? null : t.resolution().note(),
                t.mergedInto() == null ? null : t.mergedInto().value(), t.satisfaction(), t.createdAt(),
                t.updatedAt(), entries, FollowUps.awaitingAnswer(history));
    }
}
