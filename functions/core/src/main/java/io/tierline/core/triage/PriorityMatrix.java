package io.tierline.core.triage;

import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import java.util.EnumMap;
import java.util.Map;

/** Impact × urgency → priority, complete for every pair (the policy loader refuses a matrix with holes). */
public final class PriorityMatrix {
    private final Map<Level, Map<Level, Priority>> cells;

    public PriorityMatrix(Map<Level, Map<Level, Priority>> cells) {
        EnumMap<Level, Map<Level, Priority>> copy = new EnumMap<>(Level.class);
        for (Level impact : Level.values()) {
            Map<Level, Priority> row = cells.get(impact);
            for (Level urgency : Level.values()) {
                if (row == null || row.get(urgency) == null) {
                    throw new IllegalArgumentException("no priority for impact " + impact.code() + ", urgency "
                            + urgency.code());
                }
            }
            copy.put(impact, new EnumMap<>(row));
        }
        this.cells = copy;
    }

    public Priority priorityOf(Level impact, Level urgency) {
        return cells.get(impact).get(urgency);
    }
}
