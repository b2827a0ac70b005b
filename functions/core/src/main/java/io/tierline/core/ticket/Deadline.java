package io.tierline.core.ticket;

import java.time.Instant;

/** A future instant at which a running clock reaches a warning share of its target or breaches it. */
public record Deadline(SlaMetric metric, int cycle, int percent, Instant at) {
    /** The share of its target at which a clock breaches. */
    public static final int BREACH_PERCENT = 100;

    public boolean isBreach() {
        return percent == BREACH_PERCENT;
    }
}
