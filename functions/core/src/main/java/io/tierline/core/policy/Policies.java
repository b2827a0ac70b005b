package io.tierline.core.policy;

import io.tierline.core.escalation.EscalationPolicies;
import io.tierline.core.sla.SlaPolicies;
import io.tierline.core.triage.TriagePolicy;

/** Everything the policy document configures, validated as a whole. */
public record Policies(TriagePolicy triage, TransferPolicy transfers, SlaPolicies sla,
                       EscalationPolicies escalation) {
}
