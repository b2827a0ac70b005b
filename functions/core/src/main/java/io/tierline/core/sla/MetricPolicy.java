package io.tierline.core.sla;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One metric of one policy: a target per priority (a priority without one has no such clock), the shares of the
 * target at which to warn, and the statuses in which the clock stands still.
 */
public record MetricPolicy(SlaMetric metric, Map<Priority, SlaTarget> targets, List<Integer> warnAtPercent,
                           Set<Status> pausedIn) {
    public static final List<Integer> DEFAULT_WARNINGS = List.of(50, 75);

    public MetricPolicy {
        targets = Collections.unmodifiableMap(targets.isEmpty() ? new EnumMap<>(Priority.class)
                : new EnumMap<>(targets));
        warnAtPercent = List.copyOf(warnAtPercent);
        for (int i = 0; i < warnAtPercent.size(); i++) {
            int percent = warnAtPercent.get(i);
            if (percent < 1 || percent > 99 || i > 0 && percent <= warnAtPercent.get(i - 1)) {
                throw new IllegalArgumentException("warnings must be increasing percentages from 1 to 99: "
                        + warnAtPercent);
            }
        }
        pausedIn = Collections.unmodifiableSet(pausedIn.isEmpty() ? EnumSet.noneOf(Status.class)
                : EnumSet.copyOf(pausedIn));
    }

    Optional<ClockTerms> termsFor(String policyName, Priority priority) {
        SlaTarget target = priority == null ? null : targets.get(priority);
        return target == null ? Optional.empty()
                : Optional.of(new ClockTerms(policyName, target, warnAtPercent, pausedIn));
    }
}
