package io.tierline.core.sla;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Priority;
import java.util.Set;

/**
 * When a policy applies: each non-empty set must contain the subject's value (any of a set, all of the sets). No
 * conditions at all match every ticket, which makes a good last, catch-all policy.
 */
public record SlaConditions(Set<String> plans, Set<Priority> priorities, Set<Channel> channels,
                            Set<String> categories, Set<String> teams, Set<String> customerIds) {
    public static final SlaConditions ANY = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of());

    public SlaConditions {
        plans = Set.copyOf(plans);
        priorities = Set.copyOf(priorities);
        channels = Set.copyOf(channels);
        categories = Set.copyOf(categories);
        teams = Set.copyOf(teams);
        customerIds = Set.copyOf(customerIds);
    }

    public boolean matches(SlaSubject subject) {
        return accepts(plans, subject.plan()) && accepts(priorities, subject.priority())
                && accepts(channels, subject.channel()) && accepts(categories, subject.category())
                && accepts(teams, TeamName.nameOf(subject.team())) && accepts(customerIds, subject.customerId());
    }

    private static <T> boolean accepts(Set<T> allowed, T value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
