package io.tierline.core.escalation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One escalation as the trail recorded it: why, where the ticket went from and to at which policy level, who or
 * what decided and who was told, and when. Read back from the ESCALATED events, so it can never disagree with the
 * trail. One flat JSON object in GET /tickets/{id}: the parts are written inline.
 */
public record EscalationRecord(int sequence, int level, @JsonUnwrapped Cause cause, Place from, Place to,
                               @JsonUnwrapped People people, @JsonUnwrapped Timing timing) {

    /**
     * Why it happened.
     *
     * @param kind       functional, hierarchical or automatic
     * @param reason     the reason's code
     * @param reasonText the words recorded with it
     * @param comment    what the person who escalated added
     */
    public record Cause(String kind, String reason, String reasonText, String comment, boolean customerRequested) {
    }

    /**
     * Who was involved.
     *
     * @param decidedBy who or what decided it, as {@code kind:id} ({@code system:escalation} for a policy level)
     * @param person    the person it went to, for a hierarchical one
     * @param notified  everyone told of it
     */
    public record People(String decidedBy, String person, List<String> notified) {
    }

    /**
     * @param at    when it happened
     * @param dueAt when a timed escalation (a level after a delay or an SLA deadline, an acknowledgement timeout) was
     *              due; null for one that someone asked for
     */
    public record Timing(Instant at, Instant dueAt) {
    }

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
        return new EscalationRecord(facts.sequence(), facts.level().to(),
                new Cause(facts.kind() == null ? null : facts.kind().code(), facts.reason(), e.reason(), e.body(),
                        facts.customerRequested()),
                new Place(code(moves, TicketField.TEAM, Move::from), code(moves, TicketField.TIER, Move::from),
                        code(moves, TicketField.ASSIGNEE, Move::from)),
                new Place(code(moves, TicketField.TEAM, Move::to), code(moves, TicketField.TIER, Move::to),
                        code(moves, TicketField.ASSIGNEE, Move::to)),
                new People(e.actor().kind().name().toLowerCase() + ":" + e.actor().id(),
                        facts.escalatedTo() == null ? null : facts.escalatedTo().value(),
                        e.notified().stream().map(Recipient::code).toList()),
                new Timing(e.at(), e.dueAt()));
    }

    /** One end of a field's move as the API shows it, or null when the field did not move. */
    private static <T> String code(FieldMoves moves, TicketField<T> field, Function<Move<T>, T> end) {
        return moves.get(field).map(move -> field.code(end.apply(move))).orElse(null);
    }
}
