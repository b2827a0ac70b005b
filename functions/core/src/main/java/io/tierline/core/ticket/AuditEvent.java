package io.tierline.core.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's append-only audit trail. {@code version} is the ticket version the event produced and
 * {@code index} its place within that write, so every event has a stable key and a replayed write cannot add it twice.
 * {@code body} carries the text of replies and notes; {@code visibility} says whether the customer may see it.
 */
public record AuditEvent(TicketId ticketId, long version, int index, Instant at, Actor actor, EventType type,
                         List<Change> changes, String reason, String body, Visibility visibility) {

    public enum EventType {
        CREATED(Visibility.PUBLIC), TRIAGED(Visibility.INTERNAL), STATUS_CHANGED(Visibility.PUBLIC),
        ASSIGNED(Visibility.INTERNAL), REPLIED(Visibility.PUBLIC), NOTE_ADDED(Visibility.INTERNAL),
        CUSTOMER_REPLIED(Visibility.PUBLIC), LEVELS_CHANGED(Visibility.INTERNAL),
        TRANSFER_REQUESTED(Visibility.INTERNAL), TRANSFER_REFUSED(Visibility.INTERNAL),
        TRANSFERRED(Visibility.INTERNAL), RESOLVED(Visibility.PUBLIC), REOPENED(Visibility.PUBLIC),
        MERGED(Visibility.PUBLIC), DUPLICATE_MERGED(Visibility.INTERNAL), ESCALATION_REQUESTED(Visibility.PUBLIC),
        SLA_WARNING(Visibility.INTERNAL), SLA_BREACH(Visibility.INTERNAL), ESCALATED(Visibility.INTERNAL),
        ACKNOWLEDGED(Visibility.INTERNAL), ESCALATION_REMINDER(Visibility.INTERNAL),
        CUSTOMER_UPDATED(Visibility.PUBLIC), SATISFACTION_RATED(Visibility.PUBLIC);

        private final Visibility visibility;

        EventType(Visibility visibility) {
            this.visibility = visibility;
        }

        public Visibility visibility() {
            return visibility;
        }
    }

    public AuditEvent {
        changes = List.copyOf(changes);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
