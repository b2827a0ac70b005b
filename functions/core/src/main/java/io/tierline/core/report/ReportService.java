package io.tierline.core.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.port.DayCounts;
import io.tierline.core.port.TicketReports;
import io.tierline.core.port.TicketReports.QueuedTicket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The supervisor's reports (docs/dashboard.md): per-day counts and SLA compliance from the day counters, and the
 * load of the teams' queues now. Reads only counter items by key and team queues by index.
 */
public final class ReportService {
    public static final int MAX_DAYS = 90;
    /** Per team and status; a bigger queue is reported as truncated rather than read whole in one request. */
    public static final int MAX_PER_QUEUE = 1000;
    /** Escalated tickets listed per level; the count is always complete. */
    public static final int LISTED_PER_LEVEL = 50;
    /** The statuses in which a ticket is being worked on (new tickets have no team yet; solved ones are done). */
    public static final List<Status> WORKING = List.of(Status.OPEN, Status.PENDING, Status.ON_HOLD);

    private final TicketReports reports;
    private final Duration atRiskWindow;

    public ReportService(TicketReports reports, Duration atRiskWindow) {
        this.reports = reports;
        this.atRiskWindow = atRiskWindow;
    }

    /** One day: what came in and went up, the SLA deadlines that fired, and what was solved; one flat JSON object. */
    public record Day(LocalDate day, @JsonUnwrapped Arrivals arrivals, @JsonUnwrapped SlaAlerts sla,
                      @JsonUnwrapped Solves solves) {
    }

    /** Tickets created, escalations recorded and escalations customers asked for. */
    public record Arrivals(long created, long escalated, long escalationRequests) {
    }

    public record SlaAlerts(long slaWarnings, long slaBreaches) {
    }

    /** {@code compliance} is solvedWithinSla / solved, or null on a day nothing was solved. */
    public record Solves(long solved, long solvedWithinSla, long solvedAfterBreach, Double compliance) {
    }

    public record Daily(LocalDate from, LocalDate to, List<Day> days, long escalated, long solved,
                       Double compliance) {
    }

    /** The last {@code days} UTC days up to and including today. */
    public Daily daily(int days, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS);
        }
        LocalDate last = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(days - 1L);
        List<Day> result = new ArrayList<>();
        long escalated = 0;
        long solved = 0;
        long within = 0;
        for (DayCounts c : reports.days(first, last)) {
            Day day = new Day(c.day(), new Arrivals(c.count(code(TicketEvent.EventType.CREATED)),
                    c.count(code(TicketEvent.EventType.ESCALATED)),
                    c.count(code(TicketEvent.EventType.ESCALATION_REQUESTED))),
                    new SlaAlerts(c.count(code(TicketEvent.EventType.SLA_WARNING)),
                            c.count(code(TicketEvent.EventType.SLA_BREACH))),
                    new Solves(c.count(DailyCounters.SOLVED), c.count(DailyCounters.SOLVED_WITHIN_SLA),
                            c.count(DailyCounters.SOLVED_AFTER_BREACH),
                            share(c.count(DailyCounters.SOLVED_WITHIN_SLA), c.count(DailyCounters.SOLVED))));
            result.add(day);
            escalated += day.arrivals().escalated();
            solved += day.solves().solved();
            within += day.solves().solvedWithinSla();
        }
        return new Daily(first, last, result, escalated, solved, share(within, solved));
    }

    /** A team's queues now: per status, per tier, how many are at risk, overdue, unassigned, escalated. */
    public record TeamLoad(String team, Map<String, Long> byStatus, Map<String, Long> byTier, long total,
                           long atRisk, long overdue, long unassigned, long escalated) {
    }

    /** One ticket in flight at an escalation level. */
    public record InFlight(String id, String team, Integer tier, String status, String assignee, boolean acknowledged,
                           Instant nextDue) {
        static InFlight of(QueuedTicket ticket) {
            TicketReports.Place place = ticket.place();
            return new InFlight(ticket.id().value(), place.team(), place.tier() == null ? null : place.tier().number(),
                    place.status().code(), place.assignee(), ticket.urgency().acknowledged(),
                    ticket.urgency().nextDue());
        }
    }

    public record LevelLoad(int level, long tickets, long acknowledged, List<InFlight> listed) {
    }

    public record Load(Instant asOf, List<TeamLoad> teams, Map<String, Long> byTier, List<LevelLoad> escalationLevels,
                       boolean truncated) {
    }

    public Load load(Collection<String> teams, Instant now) {
        List<TeamLoad> teamLoads = new ArrayList<>();
        Map<String, Long> allTiers = new TreeMap<>();
        Map<Integer, List<QueuedTicket>> byLevel = new TreeMap<>();
        boolean truncated = false;
        for (String team : new TreeSet<>(teams)) {
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> byTier = new TreeMap<>();
            long total = 0;
            long atRisk = 0;
            long overdue = 0;
            long unassigned = 0;
            long escalated = 0;
            for (Status status : WORKING) {
                List<QueuedTicket> queue = reports.queue(team, status, MAX_PER_QUEUE);
                truncated |= queue.size() >= MAX_PER_QUEUE;
                byStatus.put(status.code(), (long) queue.size());
                for (QueuedTicket t : queue) {
                    total++;
                    TicketReports.Place place = t.place();
                    TicketReports.Urgency urgency = t.urgency();
                    String tier = place.tier() == null ? "none" : String.valueOf(place.tier().number());
                    byTier.merge(tier, 1L, Long::sum);
                    allTiers.merge(tier, 1L, Long::sum);
                    Instant due = urgency.nextDue();
                    if (due != null && due.isBefore(now)) {
                        overdue++;
                    } else if (due != null && !due.isAfter(now.plus(atRiskWindow))) {
                        atRisk++;
                    }
                    if (place.assignee() == null) {
                        unassigned++;
                    }
                    if (urgency.escalationLevel() > 0) {
                        escalated++;
                        byLevel.computeIfAbsent(urgency.escalationLevel(), l -> new ArrayList<>()).add(t);
                    }
                }
            }
            teamLoads.add(new TeamLoad(team, byStatus, byTier, total, atRisk, overdue, unassigned, escalated));
        }
        List<LevelLoad> levels = new ArrayList<>();
        byLevel.forEach((level, tickets) -> {
            List<QueuedTicket> soonest = new ArrayList<>(tickets);
            soonest.sort(java.util.Comparator.comparing((QueuedTicket t) -> t.urgency().nextDue(),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            levels.add(new LevelLoad(level, tickets.size(),
                    tickets.stream().filter(t -> t.urgency().acknowledged()).count(),
                    soonest.stream().limit(LISTED_PER_LEVEL).map(InFlight::of).toList()));
        });
        return new Load(now, teamLoads, allTiers, levels, truncated);
    }

    private static String code(TicketEvent.EventType type) {
        return Codes.of(type);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
