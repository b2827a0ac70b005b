package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.report.ReportService;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * The supervisor view's reports (supervisors and admins; docs/dashboard.md). Neither scans the table: the daily
 * report reads one counter item per day, the load report the teams' queues from TeamQueueIndex.
 */
@Singleton
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    @Inject
    Caller caller;
    @Inject
    ReportService reports;
    @Inject
    TriagePolicy triage;
    @Inject
    Clock clock;

    /** Per UTC day, oldest first: created, escalated, escalation requests, SLA warnings and breaches, compliance. */
    @GET
    @Path("daily")
    public ReportService.Daily daily(@QueryParam("days") @DefaultValue("14") String days) {
        caller.atLeast(Role.SUPERVISOR);
        int count;
        try {
            count = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > ReportService.MAX_DAYS) {
            throw new InvalidInputException("days", "must be a whole number from 1 to " + ReportService.MAX_DAYS);
        }
        return reports.daily(count, clock.instant());
    }

    /**
     * The working queues now, per team and tier, and the escalations in flight by level. Admins see every team the
     * policy document routes to; supervisors their own teams.
     */
    @GET
    @Path("load")
    public ReportService.Load load() {
        Principal who = caller.atLeast(Role.SUPERVISOR);
        Set<String> teams = new TreeSet<>(who.teamNames());
        if (who.role() == Role.ADMIN) {
            teams.addAll(triage.teams());
        }
        return reports.load(teams, clock.instant());
    }
}
