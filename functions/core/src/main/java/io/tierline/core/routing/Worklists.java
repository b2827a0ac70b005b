package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TicketId;
import java.util.List;

/** The two lists automatic assignment works from, each served by the team queues (never a scan). */
public interface Worklists {
    /** The team's open tickets nobody holds, soonest due first, at most {@code limit}. */
    List<TicketId> waiting(TeamName team, int limit);

    /** The tickets {@code person} holds in {@code team} (open, pending or on hold). */
    List<TicketId> heldBy(PersonId person, TeamName team);
}
