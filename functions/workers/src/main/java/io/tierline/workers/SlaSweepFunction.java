package io.tierline.workers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.funqy.Funq;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.routing.RoutingService;
import io.tierline.core.sweep.SweepService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jboss.logging.Logger;

/**
 * The SLA sweep, run every minute by EventBridge Scheduler. "Now" is the schedule's scheduled time from the event
 * (a late or retried invocation still sweeps for the minute it was meant for); the function's clock only stands in
 * when an event carries no time.
 */
public class SlaSweepFunction {
    private static final Logger LOG = Logger.getLogger(SlaSweepFunction.class);

    /** EventBridge Scheduler's input as template.yaml sets it, or a classic scheduled event's {@code time}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduledSweep(@JsonProperty("scheduledTime") String scheduledTime,
                                 @JsonProperty("time") String time,
                                 @JsonProperty("executionId") String executionId) {
    }

    @Inject
    SweepService sweep;
    @Inject
    Clock clock;
    @Inject
    Metrics metrics;
    @Inject
    RoutingService routing;

    @Funq("slaSweep")
    public SweepService.Report slaSweep(ScheduledSweep event) {
        Instant now = instantOf(event == null ? null : event.scheduledTime() != null ? event.scheduledTime()
                : event.time());
        SweepService.Report report = sweep.sweep(now);
        LOG.infof("sweep for %s (%s): %d deadlines sent, %d tickets left new sent to triage again, %d items read,"
                        + " %d DynamoDB and %d SQS requests", now, event == null ? "-" : event.executionId(),
                report.sent(), report.republished(), report.itemsRead(), report.dynamoRequests(),
                report.sqsRequests());
        // SweepRuns feeds the "sweep did not run" alarm; due = what was sent to the escalation queue
        metrics.record(Measurement.sweepRun());
        metrics.record(Measurement.sweepItemsRead(report.itemsRead()));
        metrics.record(Measurement.sweepItemsDue(report.sent() + report.republished()));
        RoutingService.WaitingOffered waiting = routing.offerWaiting(SweepService.WAITING_PER_SWEEP);
        LOG.infof("sweep for %s: %d waiting tickets offered again, %d assigned", now, waiting.offered(),
                waiting.assigned());
        return report;
    }

    private Instant instantOf(String text) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the schedule's time is not an ISO instant: " + text, e);
        }
    }
}
