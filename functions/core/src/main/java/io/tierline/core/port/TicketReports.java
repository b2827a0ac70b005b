package io.tierline.core.port;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the supervisor reports read: per-day counters by key and team queues by index, never a table scan. */
public interface TicketReports {

    /** The counters of each day from {@code first} to {@code last} (inclusive); a day without writes counts zero. */
    List<DayCounts> days(LocalDate first, LocalDate last);

    /** One ticket of a team's queue as the load report needs it (no text): where it sits and how pressing it is. */
    record QueuedTicket(TicketId id, Place place, Urgency urgency) {
    }

    /** @param tier null for a ticket not placed in a tier; {@code assignee} null while nobody holds it */
    record Place(String team, Status status, Tier tier, String assignee) {
    }

    /**
     * @param priority        null until triage sets one
     * @param escalationLevel the escalation policy level reached (0: none)
     * @param acknowledged    whether someone acknowledged the escalation in progress
     * @param nextDue         the earliest SLA target still owed (past once breached), or null when none is owed
     */
    record Urgency(Priority priority, int escalationLevel, boolean acknowledged, Instant nextDue) {
    }

    /** Up to {@code max} tickets of the team's queue in that status, soonest due first. */
    List<QueuedTicket> queue(String team, Status status, int max);

    /**
     * Which solved tickets to list for a root cause.
     *
     * @param cause         the root cause as counted (normalised: trimmed, lower case)
     * @param from          solved at or after
     * @param until         solved before
     * @param team          only the tickets of this team, or every team
     * @param escalatedOnly only the tickets escalated at some point
     */
    record CauseQuery(String cause, Instant from, Instant until, Optional<String> team, boolean escalatedOnly,
                      int max) {
    }

    /** A ticket as the root-cause drill-down lists it: what it was, where it ended, whether it was escalated. */
    record SolvedTicket(String id, String subject, String team, Integer tier, String category, String rootCause,
                        Instant resolvedAt, boolean escalated) {
    }

    /**
     * Up to {@code max} tickets whose current resolution has the query's root cause, newest solve first (from the
     * sparse RootCauseIndex, never a scan).
     */
    List<SolvedTicket> solvedWithCause(CauseQuery query);
}
