package io.tierline.core.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One level of a policy.
 *
 * @param number       1-based position in the policy
 * @param repeatEvery  reminders to the level's targets every this long while unacknowledged; null for none
 * @param repeatTimes  at most this many reminders
 * @param urgent       its notifications ignore quiet hours (breach levels are urgent unless the policy says not)
 * @param tellCustomer whether the customer is told about this level; by default only when it moves the ticket to
 *                     another team or tier
 */
public record EscalationLevel(int number, Trigger trigger, List<Target> targets, Set<LevelAction> actions,
                              Duration repeatEvery, int repeatTimes, boolean urgent, Boolean tellCustomer) {
    public EscalationLevel {
        targets = List.copyOf(targets);
        actions = Set.copyOf(actions);
    }

    public boolean does(LevelAction action) {
        return actions.contains(action);
    }

    /** The level's targets of one kind, in the document's order. */
    public <T extends Target> Stream<T> targets(Class<T> kind) {
        return targets.stream().filter(kind::isInstance).map(kind::cast);
    }
}
