package io.tierline.core.routing;

import io.tierline.core.ticket.Priority;
import java.util.EnumMap;
import java.util.Map;

/**
 * The most open tickets a person holds at once: {@code open}, or for a ticket of a given priority that priority's
 * own limit (an operator may let urgent work in past the usual load, or keep low work out sooner).
 */
public record Capacity(int open, Map<Priority, Integer> byPriority) {
    /** No limit given: a generous default so a directory without capacities still spreads work. */
    public static final Capacity DEFAULT = new Capacity(20, Map.of());

    public Capacity {
        if (open < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, was " + open);
        }
        byPriority = byPriority.isEmpty() ? Map.of() : new EnumMap<>(byPriority);
    }

    public static Capacity of(int open) {
        return new Capacity(open, Map.of());
    }

    /** The most open tickets the person may hold when given one of {@code priority}. */
    public int limitFor(Priority priority) {
        return priority == null ? open : byPriority.getOrDefault(priority, open);
    }
}
