package io.tierline.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The metrics one ticket's journey emits, as the stored writes' events say (ObservedTicketStore.metered, EventMetrics), on
 * the in-memory world with the bundled policy document: created, triaged, its SLA warnings and breaches with their
 * lateness from the events' times, the escalations they start.
 */
class JourneyMetricsTest {
    static final Instant FRIDAY_1755_BERLIN = Instant.parse("2026-11-13T16:55:00Z");

    FakeWorld world = new FakeWorld(PolicyDocument.load(Optional.empty()), FRIDAY_1755_BERLIN,
            Duration.ofMinutes(2));

    TicketId urgentTicket() {
        return world.file(new TicketDraft(new TicketDraft.Asked("Checkout is down", "Every payment fails."),
                new Requester("Pia", "pia@example.com", null, "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.HIGH, Level.HIGH), new TicketDraft.Topic(null, List.of())));
    }

    @Test
    void aTicketsJourneyEmitsExactlyWhatItsEventsSay() {
        TicketId id = urgentTicket();
        world.playUntil(FRIDAY_1755_BERLIN.plus(Duration.ofDays(4)));

        assertEquals(List.of(
                "TicketsCreated 1 {Channel=web}",
                "TriageDecisions 1 {Priority=urgent, Tier=2}",
                "SlaWarnings 1 {SlaMetric=first-response}", "DeadlineLateness 0 {Step=sla-warning}",
                "Escalations 1 {Kind=automatic, Level=1}", "DeadlineLateness 0 {Step=escalation}",
                "DeadlineLateness 0 {Step=reminder}",
                "SlaWarnings 1 {SlaMetric=first-response}", "DeadlineLateness 0 {Step=sla-warning}",
                "DeadlineLateness 0 {Step=reminder}",
                "SlaBreaches 1 {SlaMetric=first-response}", "DeadlineLateness 0 {Step=sla-breach}",
                "Escalations 1 {Kind=automatic, Level=2}", "DeadlineLateness 0 {Step=escalation}",
                "Escalations 1 {Kind=automatic, Level=3}", "DeadlineLateness 0 {Step=escalation}",
                "SlaWarnings 1 {SlaMetric=resolution}", "DeadlineLateness 0 {Step=sla-warning}",
                "SlaWarnings 1 {SlaMetric=resolution}", "DeadlineLateness 0 {Step=sla-warning}",
                "SlaBreaches 1 {SlaMetric=resolution}", "DeadlineLateness 0 {Step=sla-breach}"),
                world.metrics.of(id).stream().map(JourneyMetricsTest::line).toList());
    }

    /** A sweep that runs 90 s late fires the deadline 90 s after its due time: the lateness says so. */
    @Test
    void aLateFiringIsMeasuredFromTheEventsTimes() {
        TicketId id = urgentTicket();
        Instant due = world.ticket(id).nextDueAt();
        world.clock.set(due.plusSeconds(90));
        world.sweep.sweep(world.clock.instant());
        world.deliverEscalationWork(); // each message twice: the duplicate is stale and measures nothing

        assertEquals(List.of("SlaWarnings 1 {SlaMetric=first-response}", "DeadlineLateness 90000 {Step=sla-warning}"),
                world.metrics.of(id).stream().skip(2).limit(2).map(JourneyMetricsTest::line).toList());
        assertEquals(1, world.metrics.named(MetricName.SLA_WARNINGS).size());
    }

    @Test
    void aMeasurementHasExactlyTheDimensionsOfItsMetric() {
        assertThrows(IllegalArgumentException.class, () -> new Measurement(MetricName.TICKETS_CREATED, 1,
                Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Measurement(MetricName.SWEEP_RUNS, 1,
                Map.of(Dimension.STAGE, "triage"), null));
    }

    static String line(Measurement m) {
        Map<String, String> dimensions = new TreeMap<>();
        m.dimensions().forEach((d, v) -> dimensions.put(d.cloudWatchName(), v));
        return m.name().cloudWatchName() + " " + Math.round(m.value()) + " " + dimensions;
    }
}
