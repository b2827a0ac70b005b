package io.tierline.core.ticket;

import java.util.Objects;

/** A deadline's identity: metric, cycle and share of the target (100: the breach). It is fired at most once. */
public record DeadlineKey(SlaMetric metric, int cycle, int percent) {
    public DeadlineKey {
        Objects.requireNonNull(metric, "metric");
    }

    public static DeadlineKey of(Deadline deadline) {
        return new DeadlineKey(deadline.metric(), deadline.cycle(), deadline.percent());
    }

    /** The key as the trail spells it: {@code metric/cycle/percent}. */
    public String code() {
        return metric.code() + "/" + cycle + "/" + percent;
    }
}
