package io.tierline.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.aws.DynamoDbDueDeadlines;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.Message;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketWorkService;
import io.tierline.core.write.WritePipeline;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.IOException;
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
 * A whole walk up the levels played with a set clock against DynamoDB Local and ElasticMQ, for what only the real
 * parts can show: the engine's next step projected into the DueIndex beside the SLA deadline, every step found by the
 * sweep's key-range queries and sent on the escalation queue, each message delivered twice by the worker stand-in
 * against conditional writes, and the notifications on a notify queue where the test reads them. The sweep looks no
 * further than "now" so that every message is sent without delay and the clock alone decides. The services are wired
 * as in production, so every write runs the after-write step (the fan-out) itself.
 *
 * <p>The rules themselves (acknowledgements, timeouts, customer requests, escalations by hand, quiet hours, late
 * steps) are EscalationWalkRulesTest's, on in-memory fakes; the policy is {@link ScenarioPolicy}'s.
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
    final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));

    @BeforeAll
    static void start() throws IOException {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
        escalationQueue = aws.queueUrl("EscalationQueue");
        notifyQueue = aws.sqs().createQueue(b -> b.queueName("scenario-notify")).queueUrl();
        policies = PolicyDocument.parse(ScenarioPolicy.document());
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
        sweep = new SweepService(new DynamoDbDueDeadlines(aws.dynamoDb(), aws.tableName("TicketsTable")), outbox,
                Duration.ZERO);
        // the production pipeline: every write sends its fan-out (and what is due now) itself
        AfterWrite after = new WritePipeline(store, outbox, policies::escalation, sweep, clock);
        intake = new IntakeService(store, outbox, tokens, keeper, clock, Duration.ofDays(1), after);
        triage = new TriageService(store, policies::triage, TicketAssessor.bundled(), keeper, clock, after);
        work = new TicketWorkService(store, tokens, keeper, clock, Duration.ofDays(1), after);
        firing = new DeadlineFiring(store, keeper, clock, engine::onSlaDeadline, after);
        escalations = new EscalationService(store, engine, keeper, clock, after);
        aws.sqs().purgeQueue(b -> b.queueUrl(escalationQueue));
        aws.sqs().purgeQueue(b -> b.queueUrl(notifyQueue));
    }

    TicketId billingTicket(String email) {
        TicketId id = intake.submit(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT",
                "Our invoice is wrong."),
                new Requester("Pia", email, null, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                new TicketDraft.Topic(null, List.of())), Actor.customer(email), Optional.empty()).ticket().id();
        triage.triage(id);
        assertEquals(new TeamName("billing"), ticket(id).team());
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
            firing.fire(due);
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
                .filter(n -> n.occasion().ticketId().equals(id)).map(NotificationRequested::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    List<String> escalationTrail(TicketId id) {
        return FakeWorld.escalationTrail(history(id).events());
    }

    @Test
    void anUnansweredTicketWalksUpItsLevelsAtTheRightMinutesWithOneNotificationPerRecipientAndLevel() {
        TicketId id = billingTicket("walk@example.com");
        String t = id.value();
        work.act(id, sam, TicketWorkService.Guard.none(), (ticket, now) -> ticket.assign(new PersonId("alice"),
                sam.actor(), now));
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
        assertEquals(PersonId.all(List.of("sam", "ada", "bob")), walked.watchers());
        assertEquals(3, walked.escalation().level());
        assertNull(walked.escalation().nextStep(), "the last level has no step after it");
        assertNull(walked.escalation().fanOut(), "everything was handed to the notify queue");

        List<EscalationRecord> record = EscalationRecord.of(history(id).events());
        assertEquals(List.of(1, 2, 3), record.stream().map(EscalationRecord::level).toList());
        EscalationRecord second = record.get(1);
        assertEquals("automatic", second.cause().kind());
        assertEquals("sla-breach", second.cause().reason());
        assertEquals("1", second.from().tier());
        assertEquals("2", second.to().tier());
        assertEquals("system:escalation", second.people().decidedBy());
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
}
