package io.tierline.core.triage;

import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import java.util.List;

/** How new tickets are prioritised and routed: the matrix, ordered keyword rules, and where the rest go. */
public record TriagePolicy(PriorityMatrix priorityMatrix, String defaultTeam, Tier defaultTier,
                           List<RoutingRule> routingRules) {
    public TriagePolicy {
        routingRules = List.copyOf(routingRules);
    }

    public TriageDecision decide(Ticket ticket) {
        var priority = priorityMatrix.priorityOf(ticket.impact(), ticket.urgency());
        for (RoutingRule rule : routingRules) {
            if (rule.matches(ticket)) {
                return new TriageDecision(priority, rule.team(), rule.tier(), rule.category(),
                        "routing rule '" + rule.name() + "' matched");
            }
        }
        return new TriageDecision(priority, defaultTeam, defaultTier, null, "no routing rule matched: default route");
    }
}
