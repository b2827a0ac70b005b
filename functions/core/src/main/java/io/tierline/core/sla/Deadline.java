package io.tierline.core.sla;

import java.time.Instant;

/** A future instant at which a running clock reaches a warning share of its target or breaches it. */
public record Deadline(SlaMetric metric, int cycle, int percent, Instant at) {
    public boolean isBreach() {
        return percent == ClockTerms.BREACH_PERCENT;
    }
}
