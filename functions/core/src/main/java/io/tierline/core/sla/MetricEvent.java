package io.tierline.core.sla;

import io.tierline.core.ticket.SlaMetric;
import java.time.Duration;
import java.time.Instant;

/**
 * One change of one metric's clock. {@code percent} is the share of the target reached (WARN, BREACH = 100), else 0.
 * {@code policy} and {@code target} are those in force after the change (null when none applies). The cycle number
 * tells repeated next-response or periodic-update runs apart; with the metric and percent it identifies a deadline.
 */
public record MetricEvent(SlaMetric metric, int cycle, MetricEventType type, Instant at, int percent, String policy,
                          Duration target) {
}
