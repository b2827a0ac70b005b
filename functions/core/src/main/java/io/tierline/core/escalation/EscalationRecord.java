package io.tierline.core.escalation;

import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One escalation as the trail recorded it: kind, reason, where the ticket went from and to, who or what decided,
 * when, and the policy level. Read back from the ESCALATED events, so it can never disagree with the trail.
 *
 * @param at    when it happened
 * @param dueAt when a timed escalation (a level after a delay or an SLA deadline, an acknowledgement timeout) was
 *              due; null for one that someone asked for
 */
public record EscalationRecord(int sequence, String kind, String reason, String reasonText, String comment,
                               int level, String decidedBy, Instant at, Instant dueAt, Place from, Place to,
                               String person, boolean customerRequested, List<String> notified) {

    /** A team, tier and assignee; null fields did not change. */
    public record Place(String team, String tier, String assignee) {
    }

    public static List<EscalationRecord> of(List<AuditEvent> trail) {
        return trail.stream().filter(e -> e.type() == AuditEvent.EventType.ESCALATED).map(EscalationRecord::from)
                .toList();
    }

    private static EscalationRecord from(AuditEvent e) {
        Optional<Change> team = change(e, "team");
        Optional<Change> tier = change(e, "tier");
        Optional<Change> assignee = change(e, "assignee");
        return new EscalationRecord(FanOut.sequence(e), FanOut.value(e, "escalationKind").orElse(null),
                FanOut.value(e, "escalationReason").orElse(null), e.reason(), e.body(),
                FanOut.value(e, "escalationLevel").map(Integer::parseInt).orElse(0),
                e.actor().kind().name().toLowerCase() + ":" + e.actor().id(), e.at(),
                FanOut.value(e, io.tierline.core.ticket.Ticket.DUE_AT).map(Instant::parse).orElse(null),
                new Place(team.map(Change::from).orElse(null), tier.map(Change::from).orElse(null),
                        assignee.map(Change::from).orElse(null)),
                new Place(team.map(Change::to).orElse(null), tier.map(Change::to).orElse(null),
                        assignee.map(Change::to).orElse(null)),
                FanOut.value(e, "escalatedTo").orElse(null),
                FanOut.value(e, "customerRequested").isPresent(),
                FanOut.value(e, io.tierline.core.ticket.Ticket.NOTIFIED).map(v -> List.of(v.split(",")))
                        .orElse(List.of()));
    }

    private static Optional<Change> change(AuditEvent e, String field) {
        return e.changes().stream().filter(c -> c.field().equals(field)).findFirst();
    }
}
