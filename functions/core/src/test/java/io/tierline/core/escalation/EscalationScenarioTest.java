package io.tierline.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.aws.DynamoDbDueDeadlines;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.Message;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.TicketStore;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketWorkService;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole days played with a set clock against DynamoDB Local and ElasticMQ: the sweep finds what is due through the
 * DueIndex and sends it on the escalation queue, a stand-in for the escalate worker takes each message off the
 * queue (delivering every message twice), and the notifications land on a notify queue where the test reads them.
 * The sweep looks no further than "now" so that every message is sent without delay and the clock alone decides.
 *
 * <p>The policy (a scenario plan on calendar time): first response within 1 h, warning at 50 %. Level 1 at the
 * warning notifies the assignee and the team's supervisor, with 2 reminders 10 minutes apart; level 2 at the breach
 * raises the tier, adds the supervisor as watcher and notifies; level 3, 30 minutes later, notifies the manager and
 * whoever is on call and raises the priority. An acknowledgement holds for 30 minutes.
 */
class EscalationScenarioTest {
    static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
    static LocalAws aws;
    static TicketStore store;
    static String escalationQueue;
    static String notifyQueue;
    static Policies policies;

    final SettableClock clock = new SettableClock(MONDAY_0900_BERLIN);
    final CustomerTokens tokens = CustomerTokens.fromSecret("a-test-secret-of-at-least-32-bytes!!");
    EscalationEngine engine;
    ClockKeeper keeper;
    IntakeService intake;
    TriageService triage;
    TicketWorkService work;
    SweepService sweep;
    DeadlineFiring firing;
    EscalationService escalations;
    final Principal alice = new Principal("alice", Role.AGENT, Set.of("billing"));
    final Principal sam = new Principal("sam", Role.SUPERVISOR, Set.of("billing"));

    @BeforeAll
    static void start() throws IOException {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
        escalationQueue = aws.queueUrl("EscalationQueue");
        notifyQueue = aws.sqs().createQueue(b -> b.queueName("scenario-notify")).queueUrl();
        policies = PolicyDocument.parse(scenarioPolicy());
    }

    static String scenarioPolicy() throws IOException {
        ObjectNode doc;
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        doc.set("slaPolicies", Json.parse("""
                [{"name": "scenario", "calendar": "24x7",
                  "metrics": {"firstResponse": {"target": "1h", "warnAt": [50]}}}]"""));
        doc.set("escalationPolicies", Json.parse("""
                [{"name": "scenario", "acknowledgementTimeout": "30m",
                  "levels": [
                    {"trigger": {"warning": "firstResponse"}, "targets": [{"role": "assignee"}, {"role": "supervisor"}],
                     "actions": ["notify"], "repeat": {"every": "10m", "times": 2}},
                    {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}],
                     "actions": ["raiseTier", "addWatchers", "notify"]},
                    {"trigger": {"after": "30m"}, "targets": [{"role": "manager"}, {"onCall": "engineering-on-call"}],
                     "actions": ["raisePriority", "addWatchers", "notify"]}]}]"""));
        return doc.toString();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void wire() {
        engine = new EscalationEngine(policies::escalation, new ClockKeeper(policies::sla));
        keeper = new ClockKeeper(policies::sla, engine::follow);
        SqsOutbox outbox = new SqsOutbox(aws.sqs(), aws.queueUrl("TriageQueue"), escalationQueue, notifyQueue);
        intake = new IntakeService(store, outbox, tokens, keeper, clock, Duration.ofDays(1));
        triage = new TriageService(store, policies::triage, TicketAssessor.bundled(), keeper, clock);
        work = new TicketWorkService(store, tokens, keeper, clock, Duration.ofDays(1));
        sweep = new SweepService(new DynamoDbDueDeadlines(aws.dynamoDb(), aws.tableName("TicketsTable")), outbox,
                Duration.ZERO);
        firing = new DeadlineFiring(store, keeper, clock, engine::onSlaDeadline);
        escalations = new EscalationService(store, outbox, engine, keeper, clock);
        aws.sqs().purgeQueue(b -> b.queueUrl(escalationQueue));
        aws.sqs().purgeQueue(b -> b.queueUrl(notifyQueue));
    }

    TicketId billingTicket(String email) {
        TicketId id = intake.submit(new TicketDraft("Invoice shows the wrong VAT", "Our invoice is wrong.",
                new Requester("Pia", email, null, "basic"), Channel.WEB, Level.MEDIUM, Level.MEDIUM, null,
                List.of()), Actor.customer(email), Optional.empty()).ticket().id();
        triage.triage(id);
        assertEquals("billing", ticket(id).team());
        return id;
    }

    Ticket ticket(TicketId id) {
        return store.find(id).orElseThrow();
    }

    TicketHistory history(TicketId id) {
        return store.history(id).orElseThrow();
    }

    /**
     * Plays the clock forward to {@code end}: at each instant something falls due, the sweep sends it and the
     * worker stand-in handles every message twice, as SQS may deliver it.
     */
    void playUntil(Instant end, TicketId... tickets) {
        while (true) {
            Instant next = null;
            for (TicketId id : tickets) {
                Instant due = ticket(id).nextDueAt();
                if (due != null && (next == null || due.isBefore(next))) {
                    next = due;
                }
            }
            if (next == null || next.isAfter(end)) {
                break;
            }
            clock.set(next.isBefore(clock.instant()) ? clock.instant() : next);
            sweep.sweep(clock.instant());
            List<Message> arrived = drain(escalationQueue);
            assertTrue(!arrived.isEmpty(), "the sweep sent what was due at " + next);
            for (Message message : arrived) {
                handle(message);
                handle(message); // a duplicate delivery
            }
        }
        clock.set(end);
    }

    void handle(Message message) {
        if (message instanceof DeadlineDue due) {
            if (firing.fire(due) == DeadlineFiring.Outcome.FIRED) {
                escalations.publish(new TicketId(due.ticketId()));
            }
        } else {
            escalations.due((EscalationDue) message);
        }
    }

    List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            for (var m : batch) {
                all.add(Json.MAPPER.convertValue(Json.parse(m.body()), Message.class));
                aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }

    /**
     * This ticket's notifications sent so far, by key (the notify worker delivers each key once); the table is
     * shared with the other scenarios, whose tickets the sweep serves too.
     */
    Set<String> notifications(TicketId id) {
        return drain(notifyQueue).stream().map(m -> (NotificationRequested) m)
                .filter(n -> n.ticketId().equals(id.value())).map(NotificationRequested::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    List<String> escalationTrail(TicketId id) {
        return history(id).events().stream().filter(e -> Set.of(TicketEvent.EventType.SLA_WARNING,
                        TicketEvent.EventType.SLA_BREACH, TicketEvent.EventType.ESCALATED,
                        TicketEvent.EventType.ESCALATION_REMINDER, TicketEvent.EventType.ACKNOWLEDGED,
                        TicketEvent.EventType.CUSTOMER_UPDATED, TicketEvent.EventType.ESCALATION_REQUESTED)
                        .contains(e.type()))
                .map(e -> e.at().toString().substring(11, 16) + " " + e.type().name()).toList();
    }

    @Test
    void anUnansweredTicketWalksUpItsLevelsAtTheRightMinutesWithOneNotificationPerRecipientAndLevel() {
        TicketId id = billingTicket("walk@example.com");
        String t = id.value();
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> ticket.assign("alice", sam.actor(), now));
        assertEquals("scenario", ticket(id).escalation().policy());

        playUntil(Instant.parse("2026-11-23T11:00:00Z"), id);

        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:40 ESCALATION_REMINDER",
                "08:50 ESCALATION_REMINDER", "09:00 SLA_BREACH", "09:00 ESCALATED", "09:00 CUSTOMER_UPDATED",
                "09:30 ESCALATED"), escalationTrail(id));
        assertEquals(Set.of(
                t + "/1/1/0/alice/email", t + "/1/1/0/sam/email",
                t + "/1/1/1/alice/email", t + "/1/1/1/sam/email",
                t + "/1/1/2/alice/email", t + "/1/1/2/sam/email",
                t + "/2/2/0/sam/email", t + "/2/2/0/customer/customer",
                t + "/3/3/0/ada/email", t + "/3/3/0/bob/email"), notifications(id),
                "level 1 and its two reminders to the assignee and supervisor, level 2 to the supervisor and the "
                        + "customer, level 3 to the manager and the on-call engineer (bob's week); each once although "
                        + "every message arrived twice");
        Ticket walked = ticket(id);
        assertEquals(Tier.EXPERT, walked.tier(), "level 2 raised the tier");
        assertEquals(Priority.HIGH, walked.priority(), "level 3 raised the priority from normal");
        assertEquals(List.of("sam", "ada", "bob"), walked.watchers());
        assertEquals(3, walked.escalation().level());
        assertNull(walked.escalation().nextStep(), "the last level has no step after it");
        assertNull(walked.escalation().fanOut(), "everything was handed to the notify queue");

        List<EscalationRecord> record = EscalationRecord.of(history(id).events());
        assertEquals(List.of(1, 2, 3), record.stream().map(EscalationRecord::level).toList());
        EscalationRecord second = record.get(1);
        assertEquals("automatic", second.kind());
        assertEquals("sla-breach", second.reason());
        assertEquals("1", second.from().tier());
        assertEquals("2", second.to().tier());
        assertEquals("system:escalation", second.decidedBy());
        String told = history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED)
                .findFirst().orElseThrow().body();
        assertTrue(told.startsWith("Your request is now with our billing specialists (tier 2)."), told);
        assertTrue(told.contains("past the time we promised"), "the breach is admitted, not hidden: " + told);
        assertFalse(told.contains("priority"), "level 2 left the priority as it was, so nothing is said of it: "
                + told);

        Placements placements = Placements.of(walked, history(id).events(), Instant.parse("2026-11-23T11:00:00Z"));
        assertEquals(Duration.ofHours(1), placements.byTier().get("1"), "tier 1 from triage (08:00) to 09:00");
        assertEquals(Duration.ofHours(2), placements.byTier().get("2"));
    }

    @Test
    void anAcknowledgementStopsTheWalkAndAPublicUpdateSettlesIt() {
        TicketId id = billingTicket("ack@example.com");
        playUntil(Instant.parse("2026-11-23T08:35:00Z"), id);
        notifications(id);
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> engine.acknowledge(ticket, sam.actor(),
                now));
        assertEquals(EscalationState.Step.ACKNOWLEDGEMENT_TIMEOUT, ticket(id).escalation().nextStep());
        assertEquals(Instant.parse("2026-11-23T09:05:00Z"), ticket(id).escalation().nextStepAt());
        clock.set(Instant.parse("2026-11-23T08:50:00Z"));
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> ticket.agentReply("On it: the VAT "
                + "rate was wrong, a corrected invoice follows", true, sam.actor(), now));
        EscalationState settled = ticket(id).escalation();
        assertEquals(0, settled.level());
        assertNull(settled.nextStep());
        playUntil(Instant.parse("2026-11-23T12:00:00Z"), id);
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:35 ACKNOWLEDGED"), escalationTrail(id),
                "no reminder, no breach, no further level");
        assertEquals(Set.of(), notifications(id));
    }

    @Test
    void anAcknowledgementWithoutAPublicUpdateTimesOutAndTriggersTheLevelAgainThenTheMissedBreachLevel() {
        TicketId id = billingTicket("timeout@example.com");
        String t = id.value();
        playUntil(Instant.parse("2026-11-23T08:35:00Z"), id);
        notifications(id);
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> engine.acknowledge(ticket, sam.actor(),
                now));
        playUntil(Instant.parse("2026-11-23T09:06:00Z"), id);
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:35 ACKNOWLEDGED", "09:00 SLA_BREACH",
                "09:05 ESCALATED", "09:05 ESCALATED", "09:05 CUSTOMER_UPDATED"), escalationTrail(id),
                "the breach at 09:00 was held back by the acknowledgement; at 09:05 the acknowledgement timed out: "
                        + "level 1 again, and the breach's level 2 at once");
        assertEquals(Set.of(t + "/2/1/0/sam/email", t + "/3/2/0/sam/email", t + "/3/2/0/customer/customer"),
                notifications(id));
        assertEquals(2, ticket(id).escalation().level());
        assertEquals(Instant.parse("2026-11-23T09:35:00Z"), ticket(id).escalation().nextStepAt(),
                "level 3 is 30 minutes after level 2");
    }

    @Test
    void aCustomerRequestedEscalationGoesToTheSupervisorAndIsRecordedAsTheCustomers() {
        TicketId id = billingTicket("asks@example.com");
        String t = id.value();
        clock.set(Instant.parse("2026-11-23T08:10:00Z"));
        String token = tokens.tokenFor(ticket(id));
        TicketHistory answered = work.actAsCustomerOnTrail(id, token, TicketWorkService.Guard.none(),
                (h, now) -> engine.customerRequest(h.ticket(), h.events(), "Nobody answers and we are invoiced "
                        + "wrongly", Actor.customer("asks@example.com"), now));
        escalations.publish(id);
        assertTrue(answered.events().stream().anyMatch(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED),
                "the customer sees the update on their page");
        assertTrue(answered.events().stream().noneMatch(e -> e.type() == TicketEvent.EventType.ESCALATED),
                "the internal record stays internal");
        EscalationRecord record = EscalationRecord.of(history(id).events()).get(0);
        assertEquals("hierarchical", record.kind());
        assertEquals("customer-request", record.reason());
        assertTrue(record.customerRequested());
        assertEquals("sam", record.person());
        assertEquals("customer:asks@example.com", record.decidedBy());
        assertEquals(List.of("sam"), ticket(id).watchers());
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), notifications(id));
        String told = history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED)
                .findFirst().orElseThrow().body();
        assertEquals("We received your request to escalate. A senior member of our billing team is now overseeing "
                + "your request. We expect to answer by Mon 23 Nov 2026, 09:00 UTC.", told);
    }

    @Test
    void fourEscalationRequestsWithinAMinuteMailTheSupervisorOnceAndAreAllRecorded() {
        TicketId id = billingTicket("clicks@example.com");
        String t = id.value();
        String token = tokens.tokenFor(ticket(id));
        clock.set(Instant.parse("2026-11-23T08:10:00Z"));
        for (int click = 1; click <= 4; click++) {
            String reason = "Please hurry (" + click + ")";
            work.actAsCustomerOnTrail(id, token, TicketWorkService.Guard.none(), (h, now) -> engine.customerRequest(
                    h.ticket(), h.events(), reason, Actor.customer("clicks@example.com"), now));
            escalations.publish(id); // as the api function does after each request
            clock.advance(Duration.ofSeconds(15));
        }
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), notifications(id),
                "one email to sam and one to the customer, for the first request only");
        assertEquals(4, history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType
                .ESCALATION_REQUESTED).count(), "every request is recorded");
        assertEquals(1, EscalationRecord.of(history(id).events()).size());
        assertTrue(EscalationEngine.lastRequestWasAlreadyEscalated(history(id).events()));
        List<String> told = history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType
                .CUSTOMER_UPDATED).map(TicketEvent::body).toList();
        assertEquals(4, told.size(), "each request is answered on the status page");
        assertTrue(told.get(3).startsWith("We received your request to escalate. It is already with a senior member of "
                + "our billing team (since Mon 23 Nov 2026, 08:10 UTC)."), told.get(3));
    }

    @Test
    void aDelayedLevelRun40SecondsLateRecordsWhenItWasDueAndWhenItRan() {
        TicketId id = billingTicket("late@example.com");
        playUntil(Instant.parse("2026-11-23T09:00:00Z"), id);
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), ticket(id).escalation().nextStepAt(), "level 3");

        clock.set(Instant.parse("2026-11-23T09:30:40Z")); // the sweep that should have sent it ran 40 s late
        sweep.sweep(clock.instant());
        drain(escalationQueue).forEach(this::handle);

        TicketEvent level3 = history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType.ESCALATED)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(3, ((TicketEvent.Escalated) level3).escalation().level().to());
        assertEquals(Instant.parse("2026-11-23T09:30:40Z"), level3.at(), "when it ran");
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), level3.dueAt(), "when it was due");
        TicketEvent warning = history(id).events().stream().filter(e -> e.type() == TicketEvent.EventType.SLA_WARNING)
                .findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"), warning.dueAt(),
                "SLA warnings and breaches name their due instant the same way");
    }

    @Test
    void aFunctionalEscalationByAnAgentWaitsForASupervisorsApproval() {
        TicketId id = billingTicket("approve@example.com");
        String t = id.value();
        clock.set(Instant.parse("2026-11-23T08:05:00Z"));
        ManualEscalation request = new ManualEscalation(EscalationKind.FUNCTIONAL,
                EscalationReason.LIMITED_KNOWLEDGE, "VAT rules for Austria", "billing", Tier.EXPERT, false, null);
        work.actOnTrail(id, alice, TicketWorkService.Guard.none(), (h, now) -> engine.escalateByHand(h.ticket(),
                h.events(), request, true, alice.actor(), now));
        assertNotNull(ticket(id).pendingTransfer(), "pending until a supervisor decides");
        assertEquals(Tier.FRONT_LINE, ticket(id).tier());
        assertEquals(List.of(), EscalationRecord.of(history(id).events()));

        clock.set(Instant.parse("2026-11-23T08:15:00Z"));
        work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> engine.approveEscalation(h.ticket(),
                h.events(), sam.actor(), now));
        escalations.publish(id);
        Ticket approved = ticket(id);
        assertNull(approved.pendingTransfer());
        assertEquals(Tier.EXPERT, approved.tier());
        EscalationRecord record = EscalationRecord.of(history(id).events()).get(0);
        assertEquals("functional", record.kind());
        assertEquals("limited-knowledge", record.reason());
        assertEquals("supervisor:sam", record.decidedBy());
        assertEquals("1", record.from().tier());
        assertEquals("2", record.to().tier());
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), notifications(id));
    }

    @Test
    void nonUrgentNotificationsWaitForTheRecipientsWorkingHoursAndUrgentOnesDoNot() {
        clock.set(Instant.parse("2026-11-23T20:00:00Z")); // Monday 21:00 in Berlin: the office is closed
        TicketId id = billingTicket("night@example.com");
        playUntil(Instant.parse("2026-11-23T20:31:00Z"), id);
        List<NotificationRequested> sent = drain(notifyQueue).stream().map(m -> (NotificationRequested) m)
                .filter(n -> n.ticketId().equals(id.value())).filter(n -> n.level() == 1 && n.repeat() == 0).toList();
        assertEquals(Set.of("sam"), sent.stream().map(NotificationRequested::recipient).collect(Collectors.toSet()));
        assertTrue(sent.stream().allMatch(n -> Instant.parse("2026-11-24T08:00:00Z").equals(n.notBefore())),
                "deferred to Tuesday 09:00 Berlin: " + sent);

        clock.set(Instant.parse("2026-11-23T20:32:00Z"));
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> ticket.changeLevels(null, null,
                Priority.URGENT, "customer's payroll blocked", sam.actor(), now));
        work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> engine.escalateToNext(h.ticket(),
                h.events(), "payroll", sam.actor(), now));
        escalations.publish(id);
        List<NotificationRequested> urgent = drain(notifyQueue).stream().map(m -> (NotificationRequested) m)
                .filter(n -> n.ticketId().equals(id.value())).filter(n -> n.recipient().equals("sam")).toList();
        assertEquals(1, urgent.size());
        assertTrue(urgent.get(0).urgent());
        assertNull(urgent.get(0).notBefore(), "urgent: at once, night or not");
    }

    @Test
    void escalateToNextRunsTheNextLevelNowAndTheLastLevelHasNoNext() {
        TicketId id = billingTicket("next@example.com");
        clock.set(Instant.parse("2026-11-23T08:10:00Z"));
        for (int level = 1; level <= 3; level++) {
            work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> engine.escalateToNext(h.ticket(),
                    h.events(), "by hand", sam.actor(), now));
            assertEquals(level, ticket(id).escalation().level());
        }
        assertThrows(TicketActionException.class, () -> work.actOnTrail(id, sam, TicketWorkService.Guard.none(),
                (h, now) -> engine.escalateToNext(h.ticket(), h.events(), "again", sam.actor(), now)));
        assertEquals(List.of("supervisor:sam"), EscalationRecord.of(history(id).events()).stream()
                .map(EscalationRecord::decidedBy).distinct().toList());
    }
}
