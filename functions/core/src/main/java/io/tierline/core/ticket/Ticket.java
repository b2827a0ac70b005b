package io.tierline.core.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer's ticket, immutable: every change returns a {@link TicketChange} holding the next version and the audit
 * events that explain it, so the store can write both in one conditional transaction.
 * Priority, team and tier are null until triage has run.
 */
public record Ticket(TicketId id, String subject, String description, Requester requester, Channel channel,
                     Status status, Level impact, Level urgency, Priority priority, String category, String team,
                     Tier tier, List<String> tags, Instant createdAt, Instant updatedAt, long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
    }

    /** A ticket as it is first stored, with its CREATED event. */
    public static TicketChange open(TicketId id, TicketDraft draft, Actor actor, Instant now) {
        Ticket ticket = new Ticket(id, draft.subject(), draft.description(), draft.requester(), draft.channel(),
                Status.NEW, draft.impact(), draft.urgency(), null, draft.category(), null, null, draft.tags(),
                now, now, 1);
        List<Change> changes = List.of(new Change("status", null, Status.NEW.code()),
                new Change("channel", null, draft.channel().code()),
                new Change("impact", null, draft.impact().code()),
                new Change("urgency", null, draft.urgency().code()));
        AuditEvent created = new AuditEvent(id, 1, 0, now, actor, AuditEvent.EventType.CREATED, changes, null);
        return new TicketChange(null, ticket, List.of(created));
    }

    /** Applies triage's decision and opens the ticket. Only a new ticket is triaged this way. */
    public TicketChange triage(TriageDecision decision, Actor actor, Instant now) {
        if (status != Status.NEW) {
            throw new IllegalTransitionException(status, Status.OPEN);
        }
        long next = version + 1;
        List<Change> changes = new ArrayList<>();
        addIfChanged(changes, "priority", code(priority), code(decision.priority()));
        addIfChanged(changes, "team", team, decision.team());
        addIfChanged(changes, "tier", tier == null ? null : Integer.toString(tier.number()),
                Integer.toString(decision.tier().number()));
        addIfChanged(changes, "category", category, decision.category() != null ? decision.category() : category);
        Ticket after = new Ticket(id, subject, description, requester, channel, Status.OPEN, impact, urgency,
                decision.priority(), decision.category() != null ? decision.category() : category, decision.team(),
                decision.tier(), tags, createdAt, now, next);
        List<AuditEvent> events = List.of(
                new AuditEvent(id, next, 0, now, actor, AuditEvent.EventType.TRIAGED, changes, decision.reason()),
                new AuditEvent(id, next, 1, now, actor, AuditEvent.EventType.STATUS_CHANGED,
                        List.of(new Change("status", status.code(), Status.OPEN.code())), "triaged"));
        return new TicketChange(this, after, events);
    }

    /** A status move along the lifecycle; illegal moves are refused with what would have been allowed. */
    public TicketChange moveTo(Status target, Actor actor, Instant now, String reason) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        long next = version + 1;
        Ticket after = new Ticket(id, subject, description, requester, channel, target, impact, urgency, priority,
                category, team, tier, tags, createdAt, now, next);
        AuditEvent event = new AuditEvent(id, next, 0, now, actor, AuditEvent.EventType.STATUS_CHANGED,
                List.of(new Change("status", status.code(), target.code())), reason);
        return new TicketChange(this, after, List.of(event));
    }

    private static String code(Priority p) {
        return p == null ? null : p.code();
    }

    private static void addIfChanged(List<Change> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new Change(field, from, to));
        }
    }
}
