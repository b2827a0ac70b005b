package io.tierline.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.core.metrics.Measurement;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact Embedded Metric Format line CloudWatch reads a measurement from. */
class EmfMetricsTest {
    @Test
    void aMeasurementIsOneEmfLineWithItsDimensionsAndTheTotal() {
        List<String> lines = new ArrayList<>();
        EmfMetrics emf = new EmfMetrics(lines::add, Clock.fixed(Instant.parse("2026-11-13T17:00:00Z"),
                ZoneOffset.UTC), "EscalateFunction");

        emf.record(Measurement.lateness(new TicketId("01HZZZZZZZZZZZZZZZZZZZZZZZ"), Measurement.LateStep.SLA_BREACH,
                Duration.ofMillis(1500)));
        emf.record(Measurement.sweepRun());

        assertEquals(List.of("{\"_aws\":{\"Timestamp\":1794589200000,\"CloudWatchMetrics\":[{\"Namespace\":"
                        + "\"Tierline\",\"Dimensions\":[[\"Step\"],[]],\"Metrics\":[{\"Name\":\"DeadlineLateness\","
                        + "\"Unit\":\"Milliseconds\"}]}]},\"Step\":\"sla-breach\",\"DeadlineLateness\":1500.0,"
                        + "\"function\":\"EscalateFunction\",\"ticketId\":\"01HZZZZZZZZZZZZZZZZZZZZZZZ\"}",
                "{\"_aws\":{\"Timestamp\":1794589200000,\"CloudWatchMetrics\":[{\"Namespace\":\"Tierline\","
                        + "\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"SweepRuns\",\"Unit\":\"Count\"}]}]},"
                        + "\"SweepRuns\":1.0,\"function\":\"EscalateFunction\"}"), lines);
    }
}
