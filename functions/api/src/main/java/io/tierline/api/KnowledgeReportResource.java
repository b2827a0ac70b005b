package io.tierline.api;

import io.tierline.core.access.Role;
import io.tierline.core.report.KnowledgeReport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * The knowledge base's figures for supervisors and admins (deflection rate, content gaps, articles that work);
 * agents get 403. Read from the day counters, over the same periods as the escalation reviews.
 */
@Singleton
@Path("/reports/knowledge")
public class KnowledgeReportResource {
    @Inject
    Caller caller;
    @Inject
    KnowledgeReport report;
    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public KnowledgeReport.Figures figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        caller.atLeast(Role.SUPERVISOR);
        ReviewResource.Period period = ReviewResource.period(from, to, clock);
        return report.figures(period.first(), period.last());
    }
}
