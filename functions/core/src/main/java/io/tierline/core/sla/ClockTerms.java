package io.tierline.core.sla;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What one metric's clock runs by while a given policy applies to the ticket. */
record ClockTerms(String policy, SlaTarget target, List<Integer> warnAtPercent, Set<Status> pausedIn) {
    static final int BREACH_PERCENT = Deadline.BREACH_PERCENT;

    /** The warning shares and then the breach, each with the business time at which it is reached. */
    List<Threshold> thresholds() {
        List<Threshold> thresholds = new ArrayList<>();
        for (int percent : warnAtPercent) {
            thresholds.add(new Threshold(percent, target.within().multipliedBy(percent).dividedBy(100)));
        }
        thresholds.add(new Threshold(BREACH_PERCENT, target.within()));
        return thresholds;
    }

    record Threshold(int percent, Duration elapsed) {
    }
}
