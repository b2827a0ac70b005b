package io.tierline.core.escalation;

import io.tierline.core.ticket.SlaMetric;
import java.time.Duration;

/**
 * What starts a level: an SLA warning or breach (of one metric, or of any when {@code metric} is null), or a delay
 * since the previous level started (for the first level: since the ticket was triaged).
 */
public record Trigger(Kind kind, SlaMetric metric, Duration delay) {
    public enum Kind { SLA_WARNING, SLA_BREACH, AFTER }

    public static Trigger after(Duration delay) {
        return new Trigger(Kind.AFTER, null, delay);
    }

    public static Trigger sla(boolean breach, SlaMetric metric) {
        return new Trigger(breach ? Kind.SLA_BREACH : Kind.SLA_WARNING, metric, null);
    }

    public boolean matchesSla(SlaMetric fired, boolean breach) {
        return kind == (breach ? Kind.SLA_BREACH : Kind.SLA_WARNING) && (metric == null || metric == fired);
    }

    public String describe() {
        return switch (kind) {
            case AFTER -> "after " + io.tierline.core.sla.DurationText.format(delay);
            case SLA_WARNING -> (metric == null ? "any SLA" : metric.code()) + " warning";
            case SLA_BREACH -> (metric == null ? "any SLA" : metric.code()) + " breach";
        };
    }
}
