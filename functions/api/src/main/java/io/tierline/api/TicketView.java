package io.tierline.api;

import io.tierline.core.escalation.EscalationRecord;
import io.tierline.core.escalation.Placements;
import io.tierline.core.ticket.EscalationState;
import java.time.Duration;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON a client sees of a ticket, with its audit trail when it was asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String id, String subject, String description, Requester requester, String channel,
                         String status, String impact, String urgency, String priority, String category, String team,
                         Integer tier, List<String> tags, String language, Double frustration,
                         Double escalationRisk, String assignee, String resolution, String rootCause,
                         Map<String, Object> pendingTransfer, String mergedInto, Satisfaction satisfaction,
                         Instant createdAt, Instant updatedAt,
                         long version, List<EventView> events, ClocksView sla, String accessToken,
                         String statusUrl, Map<String, Object> escalation, List<String> watchers,
                         List<EscalationRecord> escalations, Map<String, Long> timeInTier,
                         Map<String, Long> timeInTeam) {

    /**
     * One audit event. {@code at} is when it happened; a timed step (an SLA warning or breach, a delayed level, a
     * reminder, an acknowledgement timeout) also has {@code dueAt}, when it was due, so its lateness shows.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(Instant at, Instant dueAt, String actor, String type, List<Change> changes,
                            String reason, String body, String visibility) {
        static EventView of(TicketEvent e) {
            return new EventView(e.at(), e.dueAt(), Codes.of(e.actor().kind()) + ":" + e.actor().id(),
                    Codes.of(e.type()), EventChanges.of(e), e.reason(), e.body(), Codes.of(e.visibility()));
        }
    }

    public static TicketView of(Ticket t, List<TicketEvent> events) {
        return new TicketView(t.id().value(), t.subject(), t.description(), t.requester(), t.channel().code(),
                t.status().code(), t.impact().code(), t.urgency().code(),
                t.priority() == null ? null : t.priority().code(), t.category(), t.team(),
                t.tier() == null ? null : t.tier().number(), t.tags(),
                t.signals() == null ? null : t.signals().language(),
                t.signals() == null ? null : t.signals().frustration(),
                t.signals() == null ? null : t.signals().escalationRisk(), t.assignee(),
                t.resolution() == null ? null : t.resolution().note(),
                t.resolution() == null ? null : t.resolution().rootCause(), transfer(t),
                t.mergedInto() == null ? null : t.mergedInto().value(), t.satisfaction(), t.createdAt(),
                t.updatedAt(), t.version(), events == null ? null : events.stream().map(EventView::of).toList(),
                null, null, null, escalationOf(t), t.watchers(), null, null, null);
    }

    /** With the escalation record and the time spent in each tier and team as of {@code now}. */
    public TicketView withEscalationRecord(TicketHistory history, Instant now) {
        Placements placements = Placements.of(history.ticket(), history.events(), now);
        return new TicketView(id, subject, description, requester, channel, status, impact, urgency, priority,
                category, team, tier, tags, language, frustration, escalationRisk, assignee, resolution, rootCause,
                pendingTransfer, mergedInto, satisfaction, createdAt, updatedAt, version, events, sla, accessToken,
                statusUrl, escalation, watchers, EscalationRecord.of(history.events()), seconds(placements.byTier()),
                seconds(placements.byTeam()));
    }

    private static Map<String, Long> seconds(Map<String, Duration> durations) {
        Map<String, Long> out = new LinkedHashMap<>();
        durations.forEach((k, v) -> out.put(k, v.toSeconds()));
        return out;
    }

    private static Map<String, Object> escalationOf(Ticket t) {
        EscalationState e = t.escalation();
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", e.policy());
        m.put("level", e.level());
        m.put("sequence", e.sequence());
        m.put("levelAt", e.levelAt());
        m.put("reminders", e.reminders());
        m.put("acknowledgedBy", e.acknowledgedBy());
        m.put("acknowledgedAt", e.acknowledgedAt());
        m.put("nextStep", e.nextStep() == null ? null : Codes.of(e.nextStep()));
        m.put("nextStepAt", e.nextStepAt());
        m.put("notificationsPending", e.fanOut() != null);
        return m;
    }

    /** With the SLA clocks as they stand now. */
    public TicketView withClocks(ClocksView clocks) {
        return new TicketView(id, subject, description, requester, channel, status, impact, urgency, priority,
                category, team, tier, tags, language, frustration, escalationRisk, assignee, resolution, rootCause,
                pendingTransfer, mergedInto, satisfaction, createdAt, updatedAt, version, events, clocks, accessToken,
                statusUrl, escalation, watchers, escalations, timeInTier, timeInTeam);
    }

    /** The creation answer also carries the customer's access token and status link, shown only this once. */
    public TicketView withAccess(String token, String url) {
        return new TicketView(id, subject, description, requester, channel, status, impact, urgency, priority,
                category, team, tier, tags, language, frustration, escalationRisk, assignee, resolution, rootCause,
                pendingTransfer, mergedInto, satisfaction, createdAt, updatedAt, version, events, sla, token, url,
                escalation, watchers, escalations, timeInTier, timeInTeam);
    }

    private static Map<String, Object> transfer(Ticket t) {
        if (t.pendingTransfer() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("team", t.pendingTransfer().team());
        m.put("tier", t.pendingTransfer().tier() == null ? null : t.pendingTransfer().tier().number());
        m.put("requestedBy", t.pendingTransfer().requestedBy());
        m.put("reason", t.pendingTransfer().reason());
        m.put("requestedAt", t.pendingTransfer().requestedAt());
        return m;
    }

    public static TicketView of(TicketHistory history) {
        return of(history.ticket(), history.events());
    }
}
