package io.tierline.api;

import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.port.TicketQueries.DueFilter;
import io.tierline.core.port.TicketQueries.QueueQuery;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lists agents work from: a team's queue and a customer's history, paged with cursors. Every list of the API
 * takes {@code limit} from 1 to {@link #MAX_LIMIT} (default 25; outside that range a 400 names {@code limit}) and
 * pages on with the opaque {@code nextCursor} it answers.
 */
@Singleton
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    static final int MAX_LIMIT = 100;
    static final Duration AT_RISK_WINDOW = Duration.ofHours(1);

    /** A page of tickets without their trails. */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    /**
     * A queued ticket with the earliest SLA target it still owes ({@code dueAt}, in the past once breached), by
     * which the queue is sorted, and its next SLA deadline (a warning at some percent, or the breach at 100); each
     * null when no clock runs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItem(@JsonUnwrapped TicketView ticket, Instant dueAt, ClocksView.Next nextDeadline) {
        static QueueItem of(Ticket t) {
            var due = t.nextDeadline();
            return new QueueItem(TicketView.of(t, null), t.targetDueAt(),
                    due == null ? null : new ClocksView.Next(due.metric().code(), due.percent(), due.at()));
        }
    }

    /**
     * One ticket of a customer's history as the caller may see it: the whole ticket where they work on it (the
     * rule of GET /tickets/{id}), otherwise only that it exists, with its team and status.
     */
    public sealed interface HistoryEntry permits Visible, Outline {
        static HistoryEntry of(Ticket t, Principal who) {
            return who.worksOn(t) ? new Visible(TicketView.of(t, null))
                    : new Outline(t.id().value(), TeamName.nameOf(t.team()), t.status().code(), t.createdAt(), true);
        }
    }

    public record Visible(@JsonUnwrapped TicketView ticket) implements HistoryEntry {
    }

    /** Another team's ticket: no subject, description, requester or any other content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outline(String id, String team, String status, Instant createdAt, boolean restricted)
            implements HistoryEntry {
    }

    /** A customer's history page and how many of those tickets went beyond the front line. */
    public record History(String customer, List<HistoryEntry> items, long escalatedInPage, String nextCursor) {
    }

    @Inject
    Caller caller;
    @Inject
    TicketQueries queries;
    @Inject
    Clock clock;

    @GET
    @Path("queues/{team}")
    public Page teamQueue(@PathParam("team") String name, @QueryParam("status") @DefaultValue("open") String status,
                          @QueryParam("tier") String tier, @QueryParam("priority") String priority,
                          @QueryParam("assignee") String assignee, @QueryParam("due") @DefaultValue("all") String due,
                          @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("25") String limit) {
        TeamName team = new TeamName(name);
        Principal who = caller.agent();
        if (!who.seesTeam(team)) {
            throw new ForbiddenException(who.id() + " is not in team " + team);
        }
        List<FieldError> errors = new ArrayList<>();
        QueueQuery query = new QueueQuery(team, parse("status", status, Status::fromCode, errors),
                new TicketQueries.Filter(
                        tier == null ? null : parse("tier", tier, t -> Tier.of(Integer.parseInt(t)), errors),
                        priority == null ? null : parse("priority", priority, p -> Codes.parse(Priority.class, p),
                                errors),
                        assignee, parse("due", due, d -> Codes.parse(DueFilter.class, d), errors), AT_RISK_WINDOW),
                new TicketQueries.Paging(cursor, limit(limit, errors)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var page = queries.teamQueue(query, clock.instant());
        return new Page(page.items().stream().map(QueueItem::of).toList(), page.nextCursor());
    }

    @GET
    @Path("customers/{key}/tickets")
    public History customerHistory(@PathParam("key") String key, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") @DefaultValue("25") String limit) {
        // any staff may look at a customer's history; what they see of each ticket depends on its team
        Principal who = caller.agent();
        CustomerKey customer = CustomerKey.parse(key, "key");
        List<FieldError> errors = new ArrayList<>();
        int size = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var page = queries.customerHistory(customer, cursor, size);
        // escalated as the reviews count it: an escalation recorded, a policy level reached or a tier past the first
        long escalated = page.items().stream().filter(Ticket::wasEscalated).count();
        return new History(customer.text(), page.items().stream().map(t -> HistoryEntry.of(t, who)).toList(),
                escalated, page.nextCursor());
    }

    static int limit(String limit, List<FieldError> errors) {
        return limit(limit, MAX_LIMIT, errors);
    }

    /** A page size from 1 to {@code max}; a problem is added to {@code errors} under {@code limit}. */
    static int limit(String limit, int max, List<FieldError> errors) {
        Integer value = parse("limit", limit, Integer::parseInt, errors);
        if (value != null && (value < 1 || value > max)) {
            errors.add(new FieldError("limit", "must be from 1 to " + max));
        }
        return value == null ? 1 : value;
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, List<FieldError> errors) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage() == null || e instanceof NumberFormatException
                    ? "is not valid: " + value : e.getMessage()));
            return null;
        }
    }
}
