package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.tierline.core.followup.FollowUpPolicy;
import io.tierline.core.followup.FollowUps;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.message.Message;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.Outbox;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketWorkService;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA clocks wired end to end with a set clock: intake and triage compute each ticket's next deadline, the sweep
 * finds it through the DueIndex and sends it on the escalation queue (ElasticMQ), and the firing records it only
 * while it still holds. Policies are the bundled document's (pro plan on the Berlin office calendar). What only the
 * real parts show stays here (sort keys over days, the sparse index, the triage-by projection, conditional writes);
 * the clocks' rules one at a time are SlaFiringRulesTest's, on in-memory fakes. Messages sent without delay are
 * visible at once, so the queue is read without waiting.
 */
class SlaSweepAndFiringTest {
    static LocalAws aws;
    static String escalationQueue;
    static TicketStore store;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-13T16:55:00Z")); // Friday 17:55 Berlin
    final ClockKeeper keeper = new ClockKeeper(() -> PolicyDocument.bundled().sla());
    final CustomerTokens tokens = CustomerTokens.fromSecret("a-test-secret-of-at-least-32-bytes!!");
    IntakeService intake;
    TriageService triage;
    TicketWorkService work;
    SweepService sweep;
    DeadlineFiring firing;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        escalationQueue = aws.queueUrl("EscalationQueue");
        store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void wire() {
        SqsOutbox outbox = new SqsOutbox(aws.sqs(), aws.queueUrl("TriageQueue"), escalationQueue, null);
        intake = new IntakeService(store, outbox, tokens, keeper, clock, Duration.ofDays(1), AfterWrite.NOTHING);
        triage = new TriageService(store, () -> PolicyDocument.bundled().triage(), TicketAssessor.bundled(),
                keeper, clock, AfterWrite.NOTHING);
        work = new TicketWorkService(store, tokens, keeper, clock, Duration.ofDays(1), AfterWrite.NOTHING);
        sweep = new SweepService(new DynamoDbDueDeadlines(aws.dynamoDb(), aws.tableName("TicketsTable")), outbox,
                Duration.ofMinutes(2));
        firing = new DeadlineFiring(store, keeper, clock);
        aws.sqs().purgeQueue(b -> b.queueUrl(escalationQueue));
    }

    static TicketDraft proDraft(String email) {
        return new TicketDraft(new TicketDraft.Asked("Invoice export fails", "Since this morning."),
                new Requester("Pia", email, null, "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of()));
    }

    TicketId proTicket(String email) {
        TicketId id = intake.submit(proDraft(email), Actor.customer(email), Optional.empty()).ticket().id();
        clock.advance(Duration.ofSeconds(2));
        triage.triage(id);
        return id;
    }

    Ticket ticket(TicketId id) {
        return store.find(id).orElseThrow();
    }

    /** The sweep at the deadline's own second (so the message's delay is zero), and what arrived for this ticket. */
    List<DeadlineDue> sweepAt(Instant now, TicketId id) {
        clock.set(now);
        sweep.sweep(now);
        List<DeadlineDue> arrived = new ArrayList<>();
        List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(escalationQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            for (var m : batch) {
                Message parsed = Json.MAPPER.convertValue(Json.parse(m.body()), Message.class);
                if (parsed instanceof DeadlineDue due && due.ticketId().equals(id)) {
                    arrived.add(due);
                }
                aws.sqs().deleteMessage(b -> b.queueUrl(escalationQueue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return arrived;
    }

    List<String> slaTrail(TicketId id) {
        return store.history(id).orElseThrow().events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.SLA_WARNING || e.type() == TicketEvent.EventType.SLA_BREACH
                        || e.type() == TicketEvent.EventType.ESCALATED)
                .map(e -> e.type().name() + " " + io.tierline.core.ticket.EventChanges.of(e).stream()
                        .reduce((a, b) -> b).map(io.tierline.core.ticket.Change::to).orElse(""))
                .toList();
    }

    @Test
    void aProTicketFromFridayEveningWalksItsDeadlinesAcrossTheWeekendAndBreachesOnMonday() {
        TicketId id = proTicket("pia@example.com");
        // resolution: 48 h of plain time from Friday 16:55Z: 50 % Saturday 16:55Z, 75 % Sunday 04:55Z, breach Sunday 16:55Z
        // first response: 4 business hours of Mon–Fri 09–17 Berlin from the next opening, Monday 09:00 Berlin (08:00Z):
        // 50 % 10:00Z, 75 % 11:00Z, breach Monday 13:00 Berlin = 12:00Z
        assertEquals(new Deadline(SlaMetric.RESOLUTION, 1, 50, Instant.parse("2026-11-14T16:55:00Z")),
                ticket(id).nextDeadline());

        assertEquals(List.of(), sweepAt(Instant.parse("2026-11-14T16:40:00Z"), id), "15 minutes early: not yet");
        List<DeadlineDue> due = sweepAt(Instant.parse("2026-11-14T16:55:00Z"), id);
        assertEquals(1, due.size());
        assertEquals(DeadlineFiring.Outcome.FIRED, firing.fire(due.get(0)));
        assertEquals(DeadlineFiring.Outcome.STALE, firing.fire(due.get(0)), "a duplicate delivery changes nothing");

        for (String at : List.of("2026-11-15T04:55:00Z", "2026-11-15T16:55:00Z", "2026-11-16T10:00:00Z",
                "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z")) {
            List<DeadlineDue> overlapping = new ArrayList<>(sweepAt(Instant.parse(at), id));
            overlapping.addAll(sweepAt(Instant.parse(at), id)); // two sweeps overlap: the deadline is sent twice
            assertEquals(2, overlapping.size(), at);
            assertEquals(Instant.parse(at), overlapping.get(0).at());
            List<DeadlineFiring.Outcome> outcomes = overlapping.stream().map(firing::fire).toList();
            assertEquals(List.of(DeadlineFiring.Outcome.FIRED, DeadlineFiring.Outcome.STALE), outcomes, at);
        }
        // what a breach leads to is the escalation engine's (EscalationScenarioTest); these firings only record
        assertEquals(List.of("SLA_WARNING resolution/1/50", "SLA_WARNING resolution/1/75",
                "SLA_BREACH resolution/1/100", "SLA_WARNING first-response/1/50",
                "SLA_WARNING first-response/1/75", "SLA_BREACH first-response/1/100"), slaTrail(id));
        assertEquals(Tier.FRONT_LINE, ticket(id).tier(), "firing alone moves nothing");
    }

    @Test
    void pendingPausesAndNothingRunsAfterResolution() {
        clock.set(Instant.parse("2026-11-16T08:00:00Z"));
        TicketId id = proTicket("pause@example.com");
        Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
        work.act(id, sam, TicketWorkService.Guard.none(), (t, now) -> t.agentReply("Need logs", true, sam.actor(),
                now));
        Instant beforePause = ticket(id).nextDeadline().at();
        work.act(id, sam, TicketWorkService.Guard.none(), (t, now) -> t.moveTo(Status.PENDING, sam.actor(), now,
                "waiting for logs"));
        clock.advance(Duration.ofHours(3));
        work.act(id, sam, TicketWorkService.Guard.none(), (t, now) -> t.moveTo(Status.OPEN, sam.actor(), now,
                "logs arrived"));
        Instant afterPause = ticket(id).nextDeadline().at();
        assertTrue(afterPause.isAfter(beforePause), "three pending hours moved the deadline: " + beforePause + " → "
                + afterPause);
        work.act(id, sam, TicketWorkService.Guard.none(), (t, now) -> t.resolve("Fixed", null, sam.actor(), now));
        assertNull(ticket(id).nextDeadline(), "a solved ticket has no running clock");
        assertEquals(List.of(), sweepAt(Instant.parse("2026-11-20T12:00:00Z"), id), "and is never swept");
    }

    /** The sweep at {@code now}, and the ids of the tickets it sent to triage again. */
    List<String> republishedAt(Instant now) {
        clock.set(now);
        sweep.sweep(now);
        return arrivedForTriage();
    }

    /** The ids of the TicketCreated messages on the triage queue, consumed. */
    List<String> arrivedForTriage() {
        String triageQueue = aws.queueUrl("TriageQueue");
        List<String> ids = new ArrayList<>();
        List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(triageQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            for (var m : batch) {
                ids.add(((TicketCreated) Message.read(m.body())).ticketId().value());
                aws.sqs().deleteMessage(b -> b.queueUrl(triageQueue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return ids;
    }

    @Test
    void aTicketWhoseTicketCreatedWasLostIsSentToTriageAgainByTheSweepAndOpened() {
        clock.set(Instant.parse("2026-11-17T09:00:00Z"));
        Instant createdAt = clock.instant();
        aws.sqs().purgeQueue(b -> b.queueUrl(aws.queueUrl("TriageQueue")));
        // the process dies between the ticket's write and its TicketCreated: nothing reaches the triage queue
        Outbox dies = new Outbox() {
            @Override
            public void publish(Message message) {
            }

            @Override
            public int publishDelayed(List<Outbox.Delayed> messages) {
                return 0;
            }
        };
        TicketId lost = new IntakeService(store, dies, tokens, keeper, clock, Duration.ofDays(1), AfterWrite.NOTHING)
                .submit(proDraft("lost@example.com"), Actor.customer("lost@example.com"), Optional.empty())
                .ticket().id();
        clock.set(createdAt);
        TicketId triaged = proTicket("fine@example.com");
        assertEquals(List.of(triaged.value()), arrivedForTriage(), "only the other ticket's publish got through");
        assertEquals(List.of(), republishedAt(createdAt.plusSeconds(30)),
                "nothing is repaired before the triage-by instant: triage may be at work on it");

        assertEquals(List.of(lost.value()), republishedAt(createdAt.plus(Duration.ofMinutes(2))),
                "only the ticket left new is sent again");
        assertEquals(TriageService.Outcome.TRIAGED, triage.triage(lost));
        Ticket opened = ticket(lost);
        assertEquals(Status.OPEN, opened.status());
        assertNull(opened.triageDueAt());
        assertTrue(opened.nextDeadline() != null, "triage replaced the triage-by entry with its first deadline");
        assertEquals(List.of(), republishedAt(createdAt.plus(Duration.ofMinutes(3))), "and it is repaired once");
    }

    /** The follow-up instant is projected into the DueIndex, so the sweep finds a solved ticket's follow-up. */
    @Test
    void aSolvedTicketsFollowUpIsFoundThroughTheDueIndex() {
        FollowUpPolicy hourLater = new FollowUpPolicy(Duration.ofHours(1), java.util.Map.of(), java.util.Map.of());
        ClockKeeper withFollowUp = new ClockKeeper(() -> PolicyDocument.bundled().sla(),
                new FollowUps(() -> hourLater).after(java.util.function.UnaryOperator.identity()));
        TicketWorkService resolving = new TicketWorkService(store, tokens, withFollowUp, clock, Duration.ofDays(1),
                AfterWrite.NOTHING);
        TicketId id = proTicket("follow-up@example.com");
        Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing", "service-desk"));
        Ticket solved = resolving.act(id, alice, TicketWorkService.Guard.none(),
                (t, now) -> t.resolve("Fixed the export.", null, alice.actor(), now)).ticket();
        Instant due = clock.instant().plus(Duration.ofHours(1));
        assertEquals(due, ticket(id).followUpDueAt());
        assertNull(solved.nextDeadline(), "a solved ticket runs no SLA clock: the follow-up alone keeps it indexed");

        clock.set(due);
        sweep.sweep(due);
        List<FollowUpDue> arrived = new ArrayList<>();
        for (var m : aws.sqs().receiveMessage(b -> b.queueUrl(escalationQueue).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages()) {
            if (Json.MAPPER.convertValue(Json.parse(m.body()), Message.class) instanceof FollowUpDue f
                    && f.ticketId().equals(id)) {
                arrived.add(f);
            }
        }
        assertEquals(List.of(new FollowUpDue(id, due)), arrived);
    }
}
