package io.tierline.core.escalation;

import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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

    public static List<EscalationRecord> of(List<TicketEvent> trail) {
        return trail.stream().filter(e -> e instanceof TicketEvent.Escalated).map(e -> from((TicketEvent.Escalated) e))
                .toList();
    }

    private static EscalationRecord from(TicketEvent.Escalated e) {
        TicketEvent.EscalationFacts facts = e.escalation();
        FieldMoves moves = e.moves();
        return new EscalationRecord(facts.sequence(),
                facts.kind() == null ? null : facts.kind().code(), facts.reason(), e.reason(), e.body(),
                facts.level().to(), e.actor().kind().name().toLowerCase() + ":" + e.actor().id(), e.at(), e.dueAt(),
                new Place(code(moves, TicketField.TEAM, Move::from), code(moves, TicketField.TIER, Move::from),
                        code(moves, TicketField.ASSIGNEE, Move::from)),
                new Place(code(moves, TicketField.TEAM, Move::to), code(moves, TicketField.TIER, Move::to),
                        code(moves, TicketField.ASSIGNEE, Move::to)),
                facts.escalatedTo() == null ? null : facts.escalatedTo().value(), facts.customerRequested(),
                e.notified().stream().map(Recipient::code).toList());
    }

    /** One end of a field's move as the API shows it, or null when the field did not move. */
    private static <T> String code(FieldMoves moves, TicketField<T> field, Function<Move<T>, T> end) {
        return moves.get(field).map(move -> field.code(end.apply(move))).orElse(null);
    }
}
