package io.tierline.core.routing;

import java.time.Instant;

/**
 * A person's routing state as the store keeps it: their availability, the open tickets they hold (the load
 * counter, written in the transaction of each assignment) and when they were last given one (round robin).
 *
 * @param lastAssignedAt null when never
 */
public record AgentState(Availability availability, int load, Instant lastAssignedAt) {
    /** Someone the store has no item for yet: available, holding nothing, never assigned. */
    public static final AgentState FRESH = new AgentState(Availability.AVAILABLE, 0, null);
}
