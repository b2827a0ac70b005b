package io.tierline.api;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.escalation.EscalationRecord;
import io.tierline.core.escalation.Placements;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.TransferRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a client sees of a ticket, with its audit trail when it was asked for. One flat JSON object, written from
 * parts that follow the ticket's own ({@link Ticket}): what was filed, how it is classified, the work on it, where it
 * stands in its escalation policy, its version, and what only some answers add ({@link Details}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String id, @JsonUnwrapped Filed filed, @JsonUnwrapped Classified classified,
                         @JsonUnwrapped Work work, EscalationProgress escalation, @JsonUnwrapped Stamps stamps,
                         @JsonUnwrapped Details details) {

    /** What the customer filed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filed(String subject, String description, Requester requester, String channel) {
    }

    /** How triage and people classified and placed it; priority, team, tier and the signals are null until triage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Classified(String impact, String urgency, String priority, String category, String team,
                             Integer tier, List<String> tags, @JsonUnwrapped TicketSignals signals) {
    }

    /** The work on it: its status, who holds it, how it ended, a transfer waiting for approval, who watches it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Work(String status, String assignee, @JsonUnwrapped Resolved resolved,
                       PendingTransfer pendingTransfer, String mergedInto, Satisfaction satisfaction,
                       List<String> watchers) {
    }

    /** The resolution note the customer sees and the root cause only staff see. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolved(String resolution, String rootCause) {
    }

    /** A hand-over an agent asked for that waits for a supervisor; every key is written, null or not. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PendingTransfer(String team, Integer tier, String requestedBy, String reason, Instant requestedAt) {
        static PendingTransfer of(TransferRequest t) {
            return t == null ? null : new PendingTransfer(TeamName.nameOf(t.team()),
                    t.tier() == null ? null : t.tier().number(),
                    t.requestedBy().value(), t.reason(), t.requestedAt());
        }
    }

    /**
     * Where the ticket stands in its escalation policy ({@link EscalationState} without its internal fan-out mark);
     * every key is written, null or not.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EscalationProgress(String policy, int level, int sequence, Instant levelAt, int reminders,
                                     @JsonUnwrapped Acknowledged acknowledged, @JsonUnwrapped Upcoming upcoming) {
        static EscalationProgress of(EscalationState e) {
            return e == null ? null : new EscalationProgress(e.policy(), e.level(), e.sequence(), e.levelAt(),
                    e.reminders(), new Acknowledged(e.acknowledgedBy(), e.acknowledgedAt()),
                    new Upcoming(e.nextStep() == null ? null : Codes.of(e.nextStep()), e.nextStepAt(),
                            e.fanOut() != null));
        }
    }

    /** Who acknowledged the current escalation and when; both null until someone does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Acknowledged(String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** What happens next without anyone acting, and whether notifications of the last step are still to go out. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Upcoming(String nextStep, Instant nextStepAt, boolean notificationsPending) {
    }

    /** When it was filed and last changed, and its version (the {@code ETag}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stamps(Instant createdAt, Instant updatedAt, long version) {
    }

    /**
     * What only some answers carry: the audit trail (a single ticket), the SLA clocks as they stand, the customer's
     * access (the creation answer) and the escalation record (a single ticket).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(List<EventView> events, ClocksView sla, @JsonUnwrapped Access access,
                          @JsonUnwrapped EscalationHistory history) {
        static final Details NONE = new Details(null, null, null, null);
    }

    /** The customer's access token and status link, shown only in the creation answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Access(String accessToken, String statusUrl) {
    }

    /** Every escalation with its outcome, and the seconds spent in each tier and team so far. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EscalationHistory(List<EscalationRecord> escalations, Map<String, Long> timeInTier,
                                    Map<String, Long> timeInTeam) {
    }

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
        Filed filed = new Filed(t.subject(), t.description(), t.requester(), t.channel().code());
        Classified classified = new Classified(t.impact().code(), t.urgency().code(),
                t.priority() == null ? null : t.priority().code(), t.category(), TeamName.nameOf(t.team()),
                t.tier() == null ? null : t.tier().number(), t.tags(), t.signals());
        Work work = new Work(t.status().code(), PersonId.nameOf(t.assignee()), t.resolution() == null ? null
                : new Resolved(t.resolution().note(), t.resolution().rootCause()),
                PendingTransfer.of(t.pendingTransfer()), t.mergedInto() == null ? null : t.mergedInto().value(),
                t.satisfaction(), t.watchers().stream().map(PersonId::value).toList());
        Details details = events == null ? Details.NONE
                : new Details(events.stream().map(EventView::of).toList(), null, null, null);
        return new TicketView(t.id().value(), filed, classified, work, EscalationProgress.of(t.escalation()),
                new Stamps(t.createdAt(), t.updatedAt(), t.version()), details);
    }

    public static TicketView of(TicketHistory history) {
        return of(history.ticket(), history.events());
    }

    /** With the escalation record and the time spent in each tier and team as of {@code now}. */
    public TicketView withEscalationRecord(TicketHistory history, Instant now) {
        Placements placements = Placements.of(history.ticket(), history.events(), now);
        return with(new Details(details.events(), details.sla(), details.access(),
                new EscalationHistory(EscalationRecord.of(history.events()), seconds(placements.byTier()),
                        seconds(placements.byTeam()))));
    }

    /** With the SLA clocks as they stand now. */
    public TicketView withClocks(ClocksView clocks) {
        return with(new Details(details.events(), clocks, details.access(), details.history()));
    }

    /** The creation answer also carries the customer's access token and status link, shown only this once. */
    public TicketView withAccess(String token, String url) {
        return with(new Details(details.events(), details.sla(), new Access(token, url), details.history()));
    }

    private TicketView with(Details next) {
        return new TicketView(id, filed, classified, work, escalation, stamps, next);
    }

    private static Map<String, Long> seconds(Map<String, Duration> durations) {
        Map<String, Long> out = new LinkedHashMap<>();
        durations.forEach((k, v) -> out.put(k, v.toSeconds()));
        return out;
    }
}
