package io.tierline.core.sla;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Priority;

/**
 * What SLA policies are chosen by: the ticket's attributes at one moment. Any of them may be null (an untriaged
 * ticket has no priority yet); a condition on a null attribute does not match, and no target applies to a null
 * priority.
 */
public record SlaSubject(String plan, Priority priority, Channel channel, String category, TeamName team,
                         String customerId) {

    public SlaSubject withPriority(Priority newPriority) {
        return new SlaSubject(plan, newPriority, channel, category, team, customerId);
    }

    public SlaSubject withTeam(TeamName newTeam) {
        return new SlaSubject(plan, priority, channel, category, newTeam, customerId);
    }
}
