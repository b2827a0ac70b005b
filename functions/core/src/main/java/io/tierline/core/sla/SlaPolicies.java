package io.tierline.core.sla;

import io.tierline.core.ticket.SlaMetric;
import java.util.List;
import java.util.Optional;

/** The ordered SLA policies of the policy document: the first whose conditions match a ticket applies to it. */
public record SlaPolicies(List<SlaPolicy> inOrder) {
    public static final SlaPolicies NONE = new SlaPolicies(List.of());

    public SlaPolicies {
        inOrder = List.copyOf(inOrder);
    }

    public Optional<SlaPolicy> applicableTo(SlaSubject subject) {
        return inOrder.stream().filter(policy -> policy.when().matches(subject)).findFirst();
    }

    Optional<ClockTerms> termsFor(SlaMetric metric, SlaSubject subject) {
        return applicableTo(subject).flatMap(policy -> policy.termsFor(metric, subject.priority()));
    }
}
