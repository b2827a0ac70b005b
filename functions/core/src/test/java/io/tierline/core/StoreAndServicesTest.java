package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.intake.IntakeResult;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.json.Json;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageService;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The DynamoDB store, the SQS outbox and the services on them, against DynamoDB Local and ElasticMQ. */
class StoreAndServicesTest {
    static final ClockKeeper CLOCKS = new ClockKeeper(() -> PolicyDocument.bundled().sla());
    static final CustomerTokens TOKENS = CustomerTokens.fromSecret("a-test-secret-of-at-least-32-bytes!!");
    static final TicketAssessor ASSESSOR = TicketAssessor.bundled();
    static LocalAws aws;
    static String table;
    static String triageQueue;

    final SettableClock clock = new SettableClock(Instant.parse("2026-02-02T09:00:00Z"));
    TicketStore store;
    IntakeService intake;

    @BeforeAll
    static void startEmulators() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        table = aws.tableName("TicketsTable");
        triageQueue = aws.queueUrl("TriageQueue");
    }

    @AfterAll
    static void stopEmulators() {
        aws.close();
    }

    @BeforeEach
    void wire() {
        store = new DynamoDbTicketStore(aws.dynamoDb(), table);
        intake = new IntakeService(store, new SqsOutbox(aws.sqs(), triageQueue, null, null), TOKENS, CLOCKS, clock,
                Duration.ofDays(1), AfterWrite.NOTHING);
        aws.sqs().purgeQueue(b -> b.queueUrl(triageQueue));
    }

    List<Message> triageMessages() {
        return aws.sqs().receiveMessage(b -> b.queueUrl(triageQueue).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
    }

    int itemCount() {
        return aws.dynamoDb().scan(b -> b.tableName(table).select("COUNT")).count();
    }

    @Test
    void aTicketRoundTripsWithItsHistory() {
        TicketChange created = Ticket.open(TicketId.next(clock), TicketLifecycleTest.draft(), "salt",
                Actor.customer("ada@example.com"), clock.instant());
        store.create(created, Optional.empty());
        TicketHistory history = store.history(created.after().id()).orElseThrow();
        assertEquals(created.after(), history.ticket());
        assertEquals(created.events(), history.events());
        assertEquals(Optional.of(created.after()), store.find(created.after().id()));
        assertEquals(Optional.empty(), store.find(TicketId.next(clock)));
    }

    @Test
    void aStaleWriteIsRefusedAndWritesNothing() {
        Ticket t = Ticket.open(TicketId.next(clock), TicketLifecycleTest.draft(), "salt", Actor.customer("a@b.co"),
                clock.instant()).after();
        store.create(new TicketChange(null, t, List.of()), Optional.empty());
        TicketChange first = t.moveTo(Status.PENDING, Actor.system("a"), clock.instant(), "waiting");
        TicketChange second = t.moveTo(Status.SOLVED, Actor.system("b"), clock.instant(), "done");
        store.apply(first);
        int before = itemCount();
        assertThrows(TicketStore.ConcurrentChangeException.class, () -> store.apply(second));
        assertEquals(before, itemCount(), "nothing written by the refused change");
        assertEquals(Status.PENDING, store.find(t.id()).orElseThrow().status());
    }

    @Test
    void sameKeySameRequestCreatesOneTicketAndOneMessage() {
        IdempotencyKey key = new IdempotencyKey("api", "k-" + System.nanoTime());
        IntakeResult first = intake.submit(TicketLifecycleTest.draft(), Actor.customer("ada@example.com"),
                Optional.of(key));
        int items = itemCount();
        // The first attempt's message was consumed: the ticket is still new, so a replay publishes again to heal a
        // possibly lost message; once triaged, a replay publishes nothing.
        assertEquals(1, triageMessages().size());
        IntakeResult again = intake.submit(TicketLifecycleTest.draft(), Actor.customer("ada@example.com"),
                Optional.of(key));
        assertTrue(again.replayed());
        assertEquals(first.ticket().id(), again.ticket().id());
        assertEquals(first.customerToken(), again.customerToken(), "a replay shows the same status link");
        assertEquals(items, itemCount(), "a replay stores nothing");
        JsonNode message = Json.parse(triageMessages().get(0).body());
        assertEquals("TicketCreated", message.get("type").asText());
        assertEquals(first.ticket().id().value(), message.get("ticketId").asText());

        new TriageService(store, () -> PolicyDocument.bundled().triage(), ASSESSOR, CLOCKS, clock, AfterWrite.NOTHING)
                .triage(first.ticket().id());
        intake.submit(TicketLifecycleTest.draft(), Actor.customer("ada@example.com"), Optional.of(key));
        assertEquals(List.of(), triageMessages());
    }

    @Test
    void sameKeyDifferentRequestIsAConflictThatStoresNothing() {
        IdempotencyKey key = new IdempotencyKey("api", "k-" + System.nanoTime());
        intake.submit(TicketLifecycleTest.draft(), Actor.customer("ada@example.com"), Optional.of(key));
        int items = itemCount();
        var same = TicketLifecycleTest.draft();
        var other = new io.tierline.core.ticket.TicketDraft(new io.tierline.core.ticket.TicketDraft.Asked(
                "Other subject", "x"), same.requester(), same.channel(), same.levels(),
                new io.tierline.core.ticket.TicketDraft.Topic(null, List.of()));
        assertThrows(IdempotencyConflictException.class,
                () -> intake.submit(other, Actor.customer("ada@example.com"), Optional.of(key)));
        assertEquals(items, itemCount());
    }

    @Test
    void anExpiredKeyMayBeUsedAgain() {
        IdempotencyKey key = new IdempotencyKey("intake", "k-" + System.nanoTime());
        TicketId first = intake.submit(TicketLifecycleTest.draft(), Actor.service("crm"), Optional.of(key)).ticket().id();
        clock.advance(Duration.ofDays(2));
        IntakeResult later = intake.submit(TicketLifecycleTest.draft(), Actor.service("crm"), Optional.of(key));
        assertTrue(!later.replayed());
        assertNotEquals(first, later.ticket().id());
    }

    @Test
    void triageOpensOnceAndIgnoresDuplicates() {
        TicketId id = intake.submit(TicketLifecycleTest.draft(), Actor.customer("ada@example.com"), Optional.empty())
                .ticket().id();
        TriageService triage = new TriageService(store, () -> PolicyDocument.bundled().triage(), ASSESSOR, CLOCKS,
                clock, AfterWrite.NOTHING);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(TriageService.Outcome.TRIAGED, triage.triage(id));
        int items = itemCount();
        assertEquals(TriageService.Outcome.ALREADY_TRIAGED, triage.triage(id));
        assertEquals(items, itemCount());
        TicketHistory h = store.history(id).orElseThrow();
        assertEquals(Status.OPEN, h.ticket().status());
        assertEquals(new TeamName("billing"), h.ticket().team(), "'invoices' matches the keyword 'invoice'");
        assertEquals(List.of(TicketEvent.EventType.CREATED, TicketEvent.EventType.TRIAGED,
                TicketEvent.EventType.STATUS_CHANGED), h.events().stream().map(TicketEvent::type).toList());
        assertEquals(TriageService.Outcome.TICKET_MISSING, triage.triage(TicketId.next(clock)));
    }

    TicketId submit(String subject, String description) {
        TicketDraft draft = new TicketDraft(new TicketDraft.Asked(subject, description),
                new Requester("Luc", "luc@example.com", null, "pro"), Channel.EMAIL,
                new TicketDraft.Levels(Level.HIGH, Level.HIGH), new TicketDraft.Topic(null, List.of("vip")));
        return intake.submit(draft, Actor.customer("luc@example.com"), Optional.empty()).ticket().id();
    }

    @Test
    void anExpertTriggerLandsAtTierTwoWithItsTeamAndTheTrailNamesTheRule() {
        TicketId id = submit("Checkout is down", "Since 10:00 every payment page answers a 500 error.");
        new TriageService(store, () -> PolicyDocument.bundled().triage(), ASSESSOR, CLOCKS, clock, AfterWrite.NOTHING)
                .triage(id);
        TicketHistory h = store.history(id).orElseThrow();
        assertEquals(new TeamName("platform-engineering"), h.ticket().team());
        assertEquals(Tier.EXPERT, h.ticket().tier());
        TicketEvent triaged = h.events().get(1);
        assertEquals(TicketEvent.EventType.TRIAGED, triaged.type());
        assertTrue(triaged.reason().endsWith("rule 'outage'"), triaged.reason());
        assertTrue(EventChanges.of(triaged).contains(new Change("tier", null, "2")), EventChanges.of(triaged).toString());
    }

    @Test
    void theSignalsAndTheLanguageTagAreStoredAndReadBack() {
        TicketId id = submit("Je ne peux plus me connecter !!",
                "Bonjour, c'est la troisième fois que je vous écris et personne ne répond. C'est inacceptable.");
        new TriageService(store, () -> PolicyDocument.bundled().triage(), ASSESSOR, CLOCKS, clock, AfterWrite.NOTHING)
                .triage(id);
        TicketHistory h = store.history(id).orElseThrow();
        TicketSignals signals = h.ticket().signals();
        assertEquals("fr", signals.language());
        assertEquals(List.of("vip", "lang-fr"), h.ticket().tags(), "the customer's tags stay, the language's follows");
        assertTrue(signals.frustration() > 0, signals.toString());
        assertEquals(Math.round(signals.frustration() * 100) / 100.0, signals.frustration(), "two decimals");
        assertTrue(signals.escalationRisk() >= 0 && signals.escalationRisk() <= 1);
        assertTrue(EventChanges.of(h.events().get(1)).contains(new Change("language", null, "fr")));
        assertEquals(h.ticket(), store.find(id).orElseThrow(), "what was written is what is read");
    }
}
