package io.tierline.core.sla;

import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds when each run of a metric starts and ends. This does not depend on the policy: which policy applies only
 * changes how a run is measured, so a policy change re-measures the same runs from their original start.
 */
final class MetricCycles implements TicketCourse.Listener {
    private final SlaMetric metric;
    private final List<MetricCycle> cycles = new ArrayList<>();
    private Status status;
    private Instant openSince;
    private boolean agentHasReplied;

    private MetricCycles(SlaMetric metric) {
        this.metric = metric;
    }

    static List<MetricCycle> of(SlaMetric metric, TicketCourse course) {
        MetricCycles cycles = new MetricCycles(metric);
        course.replay(cycles);
        if (cycles.openSince != null) {
            cycles.cycles.add(new MetricCycle(metric, cycles.cycles.size() + 1, cycles.openSince, null, null));
        }
        return List.copyOf(cycles.cycles);
    }

    @Override
    public void created(Instant at, Status initial) {
        status = initial;
        boolean startsAtCreation = metric == SlaMetric.FIRST_RESPONSE || metric == SlaMetric.RESOLUTION;
        // an imported ticket that is already closed never gets a clock; resolution survives "solved" (reopening)
        if (startsAtCreation && initial != Status.CLOSED
                && (metric == SlaMetric.RESOLUTION || !initial.isDone())) {
            start(at);
        }
    }

    @Override
    public void statusChanged(Instant at, Status from, Status to) {
        status = to;
        boolean reopened = from.isDone() && !to.isDone();
        if (metric == SlaMetric.RESOLUTION) {
            // solved only stops the clock (reopening resumes it); closed is final
            if (to == Status.CLOSED) {
                end(at, MetricCycle.Ending.FULFILLED);
            }
        } else if (to.isDone()) {
            end(at, MetricCycle.Ending.FULFILLED);
        } else if (reopened && metric == SlaMetric.PERIODIC_UPDATE && agentHasReplied) {
            start(at);
        }
    }

    @Override
    public void customerReplied(Instant at) {
        // before the first agent reply the customer is still waiting for the first response, which has its own clock
        if (metric == SlaMetric.NEXT_RESPONSE && agentHasReplied && !isDone()) {
            start(at);
        }
    }

    @Override
    public void agentReplied(Instant at) {
        boolean wasDone = isDone();
        agentHasReplied = true;
        if (metric == SlaMetric.FIRST_RESPONSE || metric == SlaMetric.NEXT_RESPONSE) {
            end(at, MetricCycle.Ending.FULFILLED);
        } else if (metric == SlaMetric.PERIODIC_UPDATE && !wasDone) {
            end(at, MetricCycle.Ending.FULFILLED);
            start(at);
        }
    }

    @Override
    public void merged(Instant at) {
        end(at, MetricCycle.Ending.CANCELLED);
    }

    private boolean isDone() {
        return status.isDone();
    }

    private void start(Instant at) {
        if (openSince == null) {
            openSince = at;
        }
    }

    /** A cycle that ends at the instant it started (a reply and an answer at once) leaves no trace. */
    private void end(Instant at, MetricCycle.Ending ending) {
        if (openSince != null && openSince.isBefore(at)) {
            cycles.add(new MetricCycle(metric, cycles.size() + 1, openSince, at, ending));
        }
        openSince = null;
    }
}
