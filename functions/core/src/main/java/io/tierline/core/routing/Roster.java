package io.tierline.core.routing;

import io.tierline.core.ticket.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * People's routing state: availability as they set it, and the load counters that the ticket store moves in the
 * transaction of every write that gives or takes a ticket (see {@code routing.LoadChange}).
 */
public interface Roster {
    /** The states of {@code people}; someone without a stored state is fresh (available, no load). */
    Map<PersonId, AgentState> states(Collection<PersonId> people);

    void setAvailability(PersonId person, Availability availability, Instant at);
}
