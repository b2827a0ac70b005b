package io.tierline.core.sla;

import io.tierline.core.ticket.Codes;

/** Where one metric's clock stands. */
public enum ClockState {
    /** Counting, within its target. */
    RUNNING,
    /** Standing still in a pausing status, within its target. */
    PAUSED,
    /** Answered or solved (possibly late: see {@link MetricClock#breached()}). */
    FULFILLED,
    /** Still owed and past its target, counting or paused. */
    BREACHED,
    /** No promise: no policy sets it, it has not started (no customer reply awaiting one), or it was cancelled. */
    NOT_APPLICABLE;

    public String code() {
        return Codes.of(this);
    }
}
