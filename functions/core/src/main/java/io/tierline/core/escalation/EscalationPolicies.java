package io.tierline.core.escalation;

import io.tierline.core.sla.SlaSubject;
import java.util.List;
import java.util.Optional;

/**
 * The ordered escalation policies of the policy document: the first whose conditions match a ticket applies. With
 * them the directory their targets name, and how customers' escalation requests are answered.
 */
public record EscalationPolicies(List<EscalationPolicy> inOrder, Directory directory, EscalationRequests requests) {
    public EscalationPolicies {
        inOrder = List.copyOf(inOrder);
    }

    public EscalationPolicies(List<EscalationPolicy> inOrder, Directory directory) {
        this(inOrder, directory, EscalationRequests.DEFAULT);
    }

    public Optional<EscalationPolicy> applicableTo(SlaSubject subject) {
        return inOrder.stream().filter(policy -> policy.when().matches(subject)).findFirst();
    }

    public Optional<EscalationPolicy> named(String name) {
        return inOrder.stream().filter(policy -> policy.name().equals(name)).findFirst();
    }
}
