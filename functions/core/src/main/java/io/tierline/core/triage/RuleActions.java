package io.tierline.core.triage;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import java.util.List;

/**
 * What a rule does when it fires; a null field leaves the route as it is.
 *
 * @param priority    overrides the priority matrix
 * @param tags        added to the ticket
 * @param escalateNow the ticket skips tier 1: its tier becomes at least 2
 * @param stop        no later rule is evaluated (the default, so the first matching rule decides)
 */
public record RuleActions(String team, Tier tier, String category, Priority priority, List<String> tags,
                          boolean escalateNow, boolean stop) {
    public RuleActions {
        tags = List.copyOf(tags);
    }
}
