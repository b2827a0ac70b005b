package io.tierline.core.escalation;

import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a ticket spent in each tier and with each team, read off the trail (every move records the field's
 * from and to with its instant), up to {@code asOf} or the ticket's closing.
 */
public record Placements(Map<String, Duration> byTier, Map<String, Duration> byTeam) {

    public static Placements of(Ticket ticket, List<AuditEvent> trail, Instant asOf) {
        Instant end = ticket.isClosed() ? ticket.updatedAt() : asOf;
        return new Placements(durations(trail, "tier", end), durations(trail, "team", end));
    }

    private static Map<String, Duration> durations(List<AuditEvent> trail, String field, Instant end) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        String current = null;
        Instant since = null;
        for (AuditEvent event : trail) {
            for (Change change : event.changes()) {
                if (!change.field().equals(field)) {
                    continue;
                }
                if (current != null) {
                    spent.merge(current, Duration.between(since, event.at()), Duration::plus);
                }
                current = change.to();
                since = event.at();
            }
        }
        if (current != null && end.isAfter(since)) {
            spent.merge(current, Duration.between(since, end), Duration::plus);
        }
        return spent;
    }
}
