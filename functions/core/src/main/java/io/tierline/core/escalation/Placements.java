package io.tierline.core.escalation;

import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a ticket spent in each tier and with each team, read off the trail (every move records the field's
 * from and to with its instant), up to {@code asOf} or the ticket's closing.
 */
public record Placements(Map<String, Duration> byTier, Map<String, Duration> byTeam) {

    public static Placements of(Ticket ticket, List<TicketEvent> trail, Instant asOf) {
        Instant end = ticket.isClosed() ? ticket.updatedAt() : asOf;
        return new Placements(durations(trail, TicketField.TIER, end), durations(trail, TicketField.TEAM, end));
    }

    /** Keyed by the field's code, as the API shows it. */
    private static <T> Map<String, Duration> durations(List<TicketEvent> trail, TicketField<T> field, Instant end) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        String current = null;
        Instant since = null;
        for (TicketEvent event : trail) {
            Optional<Move<T>> move = event.moves().get(field);
            if (move.isEmpty()) {
                continue;
            }
            if (current != null) {
                spent.merge(current, Duration.between(since, event.at()), Duration::plus);
            }
            current = field.code(move.get().to());
            since = event.at();
        }
        if (current != null && end.isAfter(since)) {
            spent.merge(current, Duration.between(since, end), Duration::plus);
        }
        return spent;
    }
}
