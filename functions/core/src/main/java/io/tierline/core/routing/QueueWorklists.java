package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.port.Page;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link Worklists} over the team queues' index. */
public class QueueWorklists implements Worklists {
    private static final int PAGE = 50;
    /** A waiting ticket is looked for among this many pages of the open queue, so a call stays bounded. */
    private static final int PAGES = 2;
    private static final List<Status> HELD = List.of(Status.OPEN, Status.PENDING, Status.ON_HOLD);

    private final TicketQueries queries;
    private final Clock clock;

    public QueueWorklists(TicketQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<TicketId> waiting(TeamName team, int limit) {
        List<TicketId> waiting = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < PAGES && waiting.size() < limit; page++) {
            Page<Ticket> tickets = queries.teamQueue(query(team, Status.OPEN, null, cursor), clock.instant());
            tickets.items().stream().filter(t -> t.assignee() == null).limit(limit - waiting.size())
                    .forEach(t -> waiting.add(t.id()));
            cursor = tickets.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return waiting;
    }

    @Override
    public List<TicketId> heldBy(PersonId person, TeamName team) {
        List<TicketId> held = new ArrayList<>();
        for (Status status : HELD) {
            String cursor = null;
            do {
                Page<Ticket> tickets = queries.teamQueue(query(team, status, person.value(), cursor),
                        clock.instant());
                tickets.items().forEach(t -> held.add(t.id()));
                cursor = tickets.nextCursor();
            } while (cursor != null);
        }
        return held;
    }

    private static TicketQueries.QueueQuery query(TeamName team, Status status, String assignee, String cursor) {
        return new TicketQueries.QueueQuery(team, status, TicketQueries.Filter.ALL.withAssignee(assignee),
                new TicketQueries.Paging(cursor, PAGE));
    }
}
