package io.tierline.core.sla;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A named set of promises for the tickets its conditions match. */
public record SlaPolicy(String name, SlaConditions when, Map<SlaMetric, MetricPolicy> metrics) {
    public SlaPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        Map<SlaMetric, MetricPolicy> copy = new EnumMap<>(SlaMetric.class);
        metrics.forEach((metric, policy) -> {
            if (policy.metric() != metric) {
                throw new IllegalArgumentException(policy.metric() + " filed under " + metric);
            }
            copy.put(metric, policy);
        });
        metrics = Collections.unmodifiableMap(copy);
    }

    Optional<ClockTerms> termsFor(SlaMetric metric, Priority priority) {
        MetricPolicy policy = metrics.get(metric);
        return policy == null ? Optional.empty() : policy.termsFor(name, priority);
    }
}
