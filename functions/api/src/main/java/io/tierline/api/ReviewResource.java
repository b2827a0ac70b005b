package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.policy.Policies;
import io.tierline.core.report.ReviewService;
import io.tierline.core.report.RootCauses;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The escalation reviews (docs/dashboard.md, "Escalation reviews"): supervisors and admins see every agent, customer,
 * category, team and root cause; an agent sees only their own row (with their team's rate beside it); customers have
 * no staff token and get 401. Read from the day counters written with the tickets, never by scanning.
 */
@Singleton
@Path("/reports/reviews")
public class ReviewResource {
    public static final String CSV = "text/csv";
    static final int DEFAULT_DAYS = 30;

    @Inject
    Caller caller;
    @Inject
    ReviewService reviews;
    @Inject
    Clock clock;
    @Inject
    Policies policies;

    /** Every review of the period ({@code from}/{@code to}, ISO dates, inclusive; the last 30 days by default). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReviewService.Reviews all(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("team") String team) {
        return reviews.reviews(scope(from, to, team), policies.rootCauses());
    }

    /**
     * One review's rows: {@code agents}, {@code customers}, {@code categories}, {@code teams}, {@code root-causes}
     * or {@code satisfaction}; as CSV with {@code ?format=csv}.
     */
    @GET
    @Path("{view}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response view(@PathParam("view") String view, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("team") String team,
                         @QueryParam("format") String format) {
        ReviewService.Reviews r = reviews.reviews(scope(from, to, team), policies.rootCauses());
        boolean csv = csv(format);
        return switch (view) {
            case "agents" -> rows(csv, ReviewService.AgentReview.class, r.people().agents(), view);
            case "customers" -> rows(csv, ReviewService.CustomerReview.class, r.people().customers(), view);
            case "categories" -> rows(csv, ReviewService.VolumeReview.class, r.volume().categories(), view);
            case "teams" -> rows(csv, ReviewService.VolumeReview.class, r.volume().teams(), view);
            case "root-causes" -> rows(csv, ReviewService.CauseReview.class, r.volume().rootCauses(), view);
            case "satisfaction" -> rows(csv, ReviewService.SatisfactionReview.class, r.satisfaction(), view);
            default -> throw new InvalidInputException("view",
                    "must be agents, customers, categories, teams, root-causes or satisfaction");
        };
    }

    /**
     * The tickets behind one root cause (a taxonomy code or {@code other}), newest solve first: supervisors and
     * admins only, since they name customers' tickets across the team. {@code escalated=true} keeps the escalated
     * ones; {@code limit} 1–200 (50); JSON or, with {@code format=csv}, the tickets as CSV.
     */
    @GET
    @Path("root-causes/{cause}/tickets")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response causeTickets(@PathParam("cause") String cause, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("team") String team,
                                 @QueryParam("escalated") String escalated,
                                 @QueryParam("limit") @DefaultValue("50") String limit,
                                 @QueryParam("format") String format) {
        caller.atLeast(Role.SUPERVISOR);
        RootCauses causes = policies.rootCauses();
        String code = cause.strip().toLowerCase(java.util.Locale.ROOT);
        if (!causes.codes().contains(code) && !RootCauses.OTHER.equals(code)) {
            throw new InvalidInputException("cause", "must be one of the root-cause taxonomy's codes ("
                    + String.join(", ", causes.codes()) + ") or " + RootCauses.OTHER);
        }
        boolean escalatedOnly = flag("escalated", escalated);
        List<FieldError> errors = new ArrayList<>();
        int max = QueueResource.limit(limit, MAX_CAUSE_TICKETS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean csv = csv(format);
        ReviewService.CauseTickets found = reviews.causeTickets(scope(from, to, team), causes, code, escalatedOnly,
                max);
        if (csv) {
            return rows(true, io.tierline.core.port.TicketReports.SolvedTicket.class, found.tickets(),
                    "root-cause-" + code);
        }
        return Response.ok(found, MediaType.APPLICATION_JSON).build();
    }

    static final int MAX_CAUSE_TICKETS = 200;

    private static boolean csv(String format) {
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            throw new InvalidInputException("format", "must be json or csv");
        }
        return csv;
    }

    private static boolean flag(String field, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw new InvalidInputException(field, "must be true or false");
    }

    private static <R extends Record> Response rows(boolean csv, Class<R> type, List<R> rows,
                                                    String view) {
        if (!csv) {
            return Response.ok(rows, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(ReviewCsv.of(type, rows), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + view + ".csv\"").build();
    }

    /** Agents and above; an agent is held to their own figures. */
    ReviewService.Scope scope(String from, String to, String team) {
        Principal who = caller.atLeast(Role.AGENT);
        Period period = period(from, to, clock);
        LocalDate first = period.first();
        LocalDate last = period.last();
        Optional<String> onlyAgent = who.role() == Role.AGENT ? Optional.of(who.id()) : Optional.empty();
        return new ReviewService.Scope(first, last, Optional.ofNullable(team).filter(t -> !t.isBlank()), onlyAgent);
    }

    /**
     * The period {@code from}/{@code to} (ISO dates, inclusive; the last 30 days by default), 1 to
     * {@link ReviewService#MAX_DAYS} days; shared by the reports that read the day counters.
     */
    static Period period(String from, String to, Clock clock) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1 || days > ReviewService.MAX_DAYS) {
            throw new InvalidInputException("from", "the period from 'from' to 'to' must be 1 to "
                    + ReviewService.MAX_DAYS + " days");
        }
        return new Period(first, last);
    }

    /** The days a report covers, both inclusive. */
    record Period(LocalDate first, LocalDate last) {
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-12-01");
        }
    }
}
