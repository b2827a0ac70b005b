package io.tierline.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tierline.local.testing.LocalAwsTestResource;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The triage worker on real SQS events, against DynamoDB Local and ElasticMQ. */
@QuarkusTest
// Each worker test class gets its own emulators and its function's environment from template.yaml
// (QUARKUS_FUNQY_EXPORT among it), hence restrictToAnnotatedClass: Quarkus restarts between the classes.
@QuarkusTestResource(value = LocalAwsTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "TriageFunction"))
class TriageFunctionTest {
    @Inject
    SqsClient sqs;
    @Inject
    TicketStore store;

    @BeforeEach
    void emptyQueues() {
        SqsInvoker.drain(sqs, "TriageDeadLetterQueue");
        SqsInvoker.drain(sqs, "TriageQueue");
    }

    /** A new ticket as intake stores it (the triage Lambda has no customer-token secret, so not through intake). */
    TicketId newTicket(String subject, Level impact, Level urgency) {
        return newTicket(subject, "Details", impact, urgency);
    }

    TicketId newTicket(String subject, String description, Level impact, Level urgency) {
        TicketChange created = Ticket.open(TicketId.next(TestClock.CLOCK),
                new TicketDraft(new TicketDraft.Asked(subject, description),
                new Requester("Fay", "fay@example.com", null, "pro"), Channel.WEB,
                new TicketDraft.Levels(impact, urgency), new TicketDraft.Topic(null, List.of())),
                "salt", Actor.customer("fay@example.com"), TestClock.CLOCK.instant());
        store.create(created, Optional.empty());
        return created.after().id();
    }

    static SqsInvoker.Outgoing created(TicketId id) {
        return SqsInvoker.Outgoing.of("{\"type\":\"TicketCreated\",\"ticketId\":\"" + id + "\","
                + "\"occurredAt\":\"2026-03-06T16:55:00Z\"}");
    }

    @Test
    void triageSetsPriorityTeamAndTierAndOpensTheTicket() {
        TicketId id = newTicket("Our site is down for everyone", Level.HIGH, Level.HIGH);
        TestClock.CLOCK.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "TriageQueue", List.of(created(id))));
        TicketHistory h = store.history(id).orElseThrow();
        assertEquals(Status.OPEN, h.ticket().status());
        assertEquals(Priority.URGENT, h.ticket().priority());
        assertEquals(new TeamName("platform-engineering"), h.ticket().team());
        assertEquals(Tier.EXPERT, h.ticket().tier());
        TicketEvent triaged = h.events().get(1);
        assertEquals(TicketEvent.EventType.TRIAGED, triaged.type());
        assertTrue(triaged.reason().endsWith("rule 'outage'"), "the trail names the rule: " + triaged.reason());
        assertEquals("en", h.ticket().signals().language());
        assertTrue(h.ticket().tags().contains("lang-en"));
        assertEquals(Actor.system("triage"), triaged.actor());
        assertEquals(TestClock.CLOCK.instant(), triaged.at());
    }

    @Test
    void belowTheConfidenceThresholdTheDefaultTierOneRouteDecides() {
        // the bundled model is unsure here: 0.39 for its best category, below the bundled policy's 0.6
        TicketId unsure = newTicket("Cannot connect to VPN", "The VPN client fails since this morning", Level.LOW,
                Level.LOW);
        // and sure here: 0.92 for hardware-and-purchasing (the data set's category 5)
        TicketId sure = newTicket("New laptop request", "Please order a new laptop for our new hire starting Monday",
                Level.LOW, Level.LOW);
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "TriageQueue", List.of(created(unsure), created(sure))));
        Ticket fallback = store.history(unsure).orElseThrow().ticket();
        assertEquals(new TeamName("service-desk"), fallback.team());
        assertEquals(Tier.FRONT_LINE, fallback.tier());
        assertNull(fallback.category(), "the unsure prediction is not used");
        assertEquals("no rule matched: default route", store.history(unsure).orElseThrow().events().get(1).reason());
        Ticket classified = store.history(sure).orElseThrow().ticket();
        assertEquals("hardware-and-purchasing", classified.category(), "the category by name, not by code");
        String reason = store.history(sure).orElseThrow().events().get(1).reason();
        assertTrue(reason.startsWith("classifier: category hardware-and-purchasing (0.9"), reason);
        assertEquals(Tier.FRONT_LINE, classified.tier());
    }

    @Test
    void aDuplicatedMessageChangesNothingTwice() {
        TicketId id = newTicket("Question about my plan", Level.LOW, Level.MEDIUM);
        SqsInvoker.deliver(sqs, "TriageQueue", List.of(created(id), created(id)));
        SqsInvoker.deliver(sqs, "TriageQueue", List.of(created(id)));
        TicketHistory h = store.history(id).orElseThrow();
        assertEquals(2, h.ticket().version(), "triaged exactly once");
        assertEquals(3, h.events().size());
        assertEquals(new TeamName("service-desk"), h.ticket().team());
        assertEquals(Priority.LOW, h.ticket().priority());
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterQueueAndAMissingTicketIsDropped() {
        List<String> failed = SqsInvoker.deliver(sqs, "TriageQueue", List.of(SqsInvoker.Outgoing.of("garbage"),
                created(TicketId.next(TestClock.CLOCK))));
        assertEquals(List.of(), failed);
        var dead = SqsInvoker.drain(sqs, "TriageDeadLetterQueue");
        assertEquals(1, dead.size());
        assertEquals("garbage", dead.get(0).body());
        assertTrue(dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue()
                .startsWith("unreadable message"));
    }

    @Test
    void aTicketCreatedWithoutItsTicketIdIsDeadLetteredAtOnceWithTheFieldNamed() {
        List<String> failed = SqsInvoker.deliver(sqs, "TriageQueue", List.of(
                SqsInvoker.Outgoing.of("{\"type\":\"TicketCreated\",\"occurredAt\":\"2026-03-06T16:55:00Z\"}")));
        assertEquals(List.of(), failed);
        var dead = SqsInvoker.drain(sqs, "TriageDeadLetterQueue");
        assertEquals(1, dead.size());
        assertEquals("unreadable message: ticketId: is required",
                dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue());
    }
}
