package io.tierline.core.sla;

import io.tierline.core.ticket.SlaMetric;
import java.time.Instant;

/**
 * One run of a metric's clock, from what starts it to what ends it. First response and resolution run once; next
 * response and periodic update run again after each ending. {@code end} is null while the cycle goes on.
 */
record MetricCycle(SlaMetric metric, int number, Instant start, Instant end, Ending ending) {

    enum Ending {
        /** Answered, updated or solved. */
        FULFILLED,
        /** Merged into another ticket: the promise moved with it. */
        CANCELLED
    }

    boolean isOpen() {
        return end == null;
    }

    /** Whether the cycle still runs at {@code instant}: from its start, until its end or up to and with asOf. */
    boolean covers(Instant instant, Instant asOf) {
        return !instant.isBefore(start) && (end == null ? !instant.isAfter(asOf) : instant.isBefore(end));
    }
}
