package io.tierline.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The escalation worker on real SQS events: fires what still holds, once; drops the rest. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "EscalateFunction"))
class EscalateFunctionTest {
    @Inject
    TicketStore store;
    @Inject
    ClockKeeper keeper;
    @Inject
    SqsClient sqs;

    /** An urgent ticket with no plan (standard policy: first response within 1 business hour, Berlin office). */
    Ticket urgentTicket() {
        return urgentTicket("ops");
    }

    Ticket urgentTicket(String team) {
        TestClock.CLOCK.set(Instant.parse("2026-05-04T08:00:00Z")); // Monday 10:00 Berlin
        TicketChange created = keeper.track(Ticket.open(TicketId.next(TestClock.CLOCK),
                new TicketDraft(new TicketDraft.Asked("Down", "All down"),
                new Requester("U", "u@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.HIGH, Level.HIGH),
                new TicketDraft.Topic(null, List.of())), "salt", Actor.customer("u@example.com"),
                        TestClock.CLOCK.instant()), List.of());
        store.create(created, Optional.empty());
        TicketChange triaged = keeper.track(created.after().triage(new TriageDecision(Priority.URGENT,
                new TeamName(team),
                Tier.FRONT_LINE, null, "t"), Actor.system("triage"), TestClock.CLOCK.instant()), created.events());
        store.apply(triaged);
        return triaged.after();
    }

    static SqsInvoker.Outgoing due(Ticket t) {
        var d = t.nextDeadline();
        return SqsInvoker.Outgoing.of("{\"type\":\"DeadlineDue\",\"ticketId\":\"" + t.id() + "\",\"metric\":\""
                + d.metric().code() + "\",\"cycle\":" + d.cycle() + ",\"percent\":" + d.percent() + ",\"at\":\""
                + d.at() + "\"}");
    }

    @Test
    void firesADeadlineThatHoldsOnceEvenWhenDeliveredTwice() {
        Ticket t = urgentTicket();
        assertEquals(Instant.parse("2026-05-04T08:30:00Z"), t.nextDeadline().at(), "50 % of one business hour");
        TestClock.CLOCK.set(t.nextDeadline().at().plus(Duration.ofMillis(400)));
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "EscalationQueue", List.of(due(t), due(t))));
        var events = store.history(t.id()).orElseThrow().events();
        assertEquals(1, events.stream().filter(e -> e.type() == TicketEvent.EventType.SLA_WARNING).count());
        Ticket after = store.find(t.id()).orElseThrow();
        assertEquals(Instant.parse("2026-05-04T08:45:00Z"), after.nextDeadline().at(), "next: 75 %");
    }

    /** What arrived on the notify queue, by idempotency key. */
    List<String> notificationKeys() {
        return SqsInvoker.drain(sqs, "NotifyQueue").stream()
                .map(m -> io.tierline.core.json.Json.parse(m.body()).get("key").asText()).sorted().toList();
    }

    @Test
    void aWarningStartsTheUrgentPolicysFirstLevelAndItsRemindersEachNotifyOnce() {
        Ticket t = urgentTicket("billing");
        String id = t.id().value();
        SqsInvoker.drain(sqs, "NotifyQueue");
        TestClock.CLOCK.set(t.nextDeadline().at());
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "EscalationQueue", List.of(due(t), due(t))));
        Ticket escalated = store.find(t.id()).orElseThrow();
        assertEquals("urgent", escalated.escalation().policy());
        assertEquals(1, escalated.escalation().level());
        assertEquals(List.of(id + "/1/1/0/sam/email"), notificationKeys(),
                "the supervisor of billing, once; there is no assignee yet");

        Instant reminder = escalated.escalation().nextStepAt();
        assertEquals(t.nextDeadline().at().plus(Duration.ofMinutes(10)), reminder);
        TestClock.CLOCK.set(reminder.plusMillis(300));
        SqsInvoker.Outgoing step = SqsInvoker.Outgoing.of("{\"type\":\"EscalationDue\",\"ticketId\":\"" + id
                + "\",\"at\":\"" + reminder + "\"}");
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "EscalationQueue", List.of(step, step)));
        assertEquals(List.of(id + "/1/1/1/sam/email"), notificationKeys(), "one reminder, although sent twice");
        assertEquals(1, store.history(t.id()).orElseThrow().events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.ESCALATION_REMINDER).count());
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterQueue() {
        SqsInvoker.drain(sqs, "EscalationDeadLetterQueue");
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "EscalationQueue",
                List.of(SqsInvoker.Outgoing.of("{\"type\":\"Nope\"}"))));
        var dead = SqsInvoker.drain(sqs, "EscalationDeadLetterQueue");
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue()
                .startsWith("unreadable message"));
    }

    /**
     * Each message below can never succeed: it must reach the dead-letter queue on its first delivery with a reason
     * that names what is wrong, and must not be a batch item failure (which SQS would retry five times first).
     */
    @Test
    void aMessageMissingOrMistypingAFieldIsDeadLetteredAtOnceWithTheFieldNamed() {
        SqsInvoker.drain(sqs, "EscalationDeadLetterQueue");
        Ticket t = urgentTicket();
        String id = t.id().value();
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put("{\"type\":\"DeadlineDue\",\"ticketId\":\"" + id + "\",\"metric\":\"first-response\",\"cycle\":1,"
                + "\"percent\":50}", "at: is required");
        poison.put("{\"type\":\"DeadlineDue\",\"ticketId\":\"" + id + "\",\"metric\":\"first-response\",\"percent\":50,"
                + "\"at\":\"2026-05-04T08:30:00Z\"}", "cycle: is required");
        poison.put("{\"type\":\"DeadlineDue\",\"ticketId\":\"" + id + "\",\"metric\":\"first-response\","
                + "\"cycle\":\"one\",\"percent\":50,\"at\":\"2026-05-04T08:30:00Z\"}", "cycle: ");
        poison.put("{\"type\":\"DeadlineDue\",\"ticketId\":\"" + id + "\",\"metric\":\"firstResponse\",\"cycle\":1,"
                + "\"percent\":50,\"at\":\"2026-05-04T08:30:00Z\"}",
                "metric: must be one of first-response, next-response");
        poison.put("{\"type\":\"EscalationDue\",\"ticketId\":\"" + id + "\"}", "at: is required");
        poison.put("{\"type\":\"EscalationDue\",\"ticketId\":\"" + id + "\",\"at\":null}", "at: is required");
        poison.put("{\"type\":\"EscalationDue\",\"ticketId\":\"" + id + "\",\"at\":\"soon\"}", "at: ");
        poison.put("{\"type\":\"EscalationDue\",\"at\":\"2026-05-04T08:30:00Z\"}", "ticketId: is required");
        poison.put("{\"type\":\"EscalationDue\",\"ticketId\":\"T-1\",\"at\":\"2026-05-04T08:30:00Z\"}",
                "ticketId: is not a ticket id");
        poison.put("{\"ticketId\":\"" + id + "\",\"at\":\"2026-05-04T08:30:00Z\"}", "type: ");
        poison.put("{\"type\":\"TicketCreated\",\"ticketId\":\"" + id + "\",\"occurredAt\":\"2026-05-04T08:30:00Z\"}",
                "not a DeadlineDue, EscalationDue or FollowUpDue message");

        List<String> failed = SqsInvoker.deliver(sqs, "EscalationQueue",
                poison.keySet().stream().map(SqsInvoker.Outgoing::of).toList());

        assertEquals(List.of(), failed, "nothing is left for SQS to retry");
        Map<String, String> reasons = new LinkedHashMap<>();
        SqsInvoker.drain(sqs, "EscalationDeadLetterQueue").forEach(m -> reasons.put(m.body(),
                m.messageAttributes().get("tierline-failure-reason").stringValue()));
        assertEquals(poison.keySet(), reasons.keySet(), "every poison message is in the dead-letter queue, once");
        poison.forEach((body, expected) -> assertTrue(reasons.get(body).startsWith("unreadable message")
                && reasons.get(body).contains(expected), body + " -> " + reasons.get(body)));
        assertEquals(t.nextDeadline(), store.find(t.id()).orElseThrow().nextDeadline(), "the ticket is untouched");
    }
}
