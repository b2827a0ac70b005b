package io.tierline.core.escalation;

import io.tierline.core.ticket.Tier;
import java.util.Objects;

/**
 * An agent's escalation: functional to a team and/or tier, or hierarchical to the supervisor or manager of the
 * ticket's team, always with a reason from the fixed list and optionally a comment.
 */
public record ManualEscalation(EscalationKind kind, EscalationReason reason, String comment, String team, Tier tier,
                               String to) {
    public ManualEscalation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
