package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * What the customer sees of their ticket: what they asked, where it stands (status, the resolution, their rating),
 * and the public conversation. Internal notes, assignments, teams and priorities never appear here. One flat JSON
 * object: the parts are written inline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerTicketView(String id, @JsonUnwrapped Asked asked, @JsonUnwrapped Standing standing,
                                 @JsonUnwrapped Dates dates, List<Entry> conversation) {
    /** Public events whose reason is meant for the customer's eyes (the rest may hold agents' wording). */
    private static final Set<EventType> REASON_SHOWN = Set.of(EventType.ESCALATION_REQUESTED, EventType.REOPENED,
            EventType.SATISFACTION_RATED, EventType.FOLLOW_UP_ANSWERED);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Asked(String subject, String description) {
    }

    /**
     * Where the request stands for the customer.
     *
     * @param resolution      only a solved or closed ticket has a resolution to tell (one stored before a move back
     *                        to open does not)
     * @param mergedInto      the request this one was merged into, if it was
     * @param followUpAwaited the customer was asked whether the last resolution held and has not answered yet
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Standing(String status, String resolution, String mergedInto, Satisfaction satisfaction,
                           boolean followUpAwaited) {
        /** A request in {@code status} with nothing resolved, merged, rated or awaited. */
        public static Standing of(String status) {
            return new Standing(status, null, null, null, false);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dates(Instant createdAt, Instant updatedAt) {
    }

    /**
     * One public event: who (you or support), what kind, and its text.
     *
     * @param status the status the event moved the ticket to, if it did
     */
    public record Entry(Instant at, String from, String type, String body, String reason, String status) {
    }

    public static CustomerTicketView of(TicketHistory history) {
        var t = history.ticket();
        List<Entry> entries = history.events().stream().filter(TicketEvent::isPublic)
                .map(e -> new Entry(e.at(), e.actor().kind() == Actor.Kind.CUSTOMER
                        && e.type() != TicketEvent.EventType.CUSTOMER_UPDATED ? "you" : "support",
                        Codes.of(e.type()), e.body(), REASON_SHOWN.contains(e.type()) ? e.reason() : null,
                        e.statusAfter() == null ? null : e.statusAfter().code()))
                .toList();
        return new CustomerTicketView(t.id().value(), new Asked(t.subject(), t.description()),
                new Standing(t.status().code(), t.resolution() == null || !t.status().isDone() ? null
                        : t.resolution().note(), t.mergedInto() == null ? null : t.mergedInto().value(),
                        t.satisfaction(), FollowUps.awaitingAnswer(history)),
                new Dates(t.createdAt(), t.updatedAt()), entries);
    }
}
