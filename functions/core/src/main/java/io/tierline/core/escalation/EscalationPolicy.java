package io.tierline.core.escalation;

import io.tierline.core.sla.SlaConditions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Ordered levels that walk a ticket up while nobody acknowledges it. An acknowledgement stops the walk; if no
 * public update follows within {@code acknowledgementTimeout}, the current level is triggered again.
 */
public record EscalationPolicy(String name, SlaConditions when, List<EscalationLevel> levels,
                               Duration acknowledgementTimeout) {
    public EscalationPolicy {
        levels = List.copyOf(levels);
    }

    /** Level {@code number} (1-based), if the policy has it. */
    public Optional<EscalationLevel> level(int number) {
        return number >= 1 && number <= levels.size() ? Optional.of(levels.get(number - 1)) : Optional.empty();
    }
}
