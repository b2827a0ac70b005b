package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.port.TicketQueries.DueFilter;
import io.tierline.core.port.TicketQueries.Filter;
import io.tierline.core.port.TicketQueries.Paging;
import io.tierline.core.port.TicketQueries.QueueQuery;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import io.tierline.core.work.TicketWorkService.Guard;
import io.tierline.core.work.VersionConflictException;
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
import org.junit.jupiter.api.Test;

/** Agent and customer actions through the work service, and the list queries, against DynamoDB Local. */
class WorkServiceTest {
    static LocalAws aws;
    static TicketStore store;
    static TicketQueries queries;
    static final CustomerTokens TOKENS = CustomerTokens.fromSecret("a-test-secret-of-at-least-32-bytes!!");
    final SettableClock clock = new SettableClock(Instant.parse("2026-04-01T09:00:00Z"));
    final TicketWorkService work = new TicketWorkService(store, TOKENS,
            new ClockKeeper(() -> PolicyDocument.bundled().sla()), clock, Duration.ofDays(1), AfterWrite.NOTHING);
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    final Principal bob = Principal.inTeams("bob", Role.AGENT, Set.of("platform-engineering"));

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
        queries = new DynamoDbTicketQueries(aws.dynamoDb(), aws.tableName("TicketsTable"));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    Ticket stored(String team, Priority priority, String email) {
        var draft = TicketLifecycleTest.draft();
        var requester = new io.tierline.core.ticket.Requester("R", email, null, null);
        draft = new io.tierline.core.ticket.TicketDraft(draft.asked(), requester, draft.channel(), draft.levels(),
                new io.tierline.core.ticket.TicketDraft.Topic(null, List.of()));
        TicketChange created = Ticket.open(TicketId.next(clock), draft, CustomerTokens.newSalt(),
                Actor.customer(email), clock.instant());
        store.create(created, Optional.empty());
        TicketChange triaged = created.after().triage(new TriageDecision(priority, new TeamName(team),
                Tier.FRONT_LINE, null, "t"),
                Actor.system("triage"), clock.instant());
        store.apply(triaged);
        clock.advance(Duration.ofSeconds(1));
        return triaged.after();
    }

    @Test
    void anAgentOfAnotherTeamIsRefusedAndNothingChanges() {
        Ticket t = stored("billing", Priority.NORMAL, "c1@example.com");
        assertThrows(ForbiddenException.class, () -> work.act(t.id(), bob, Guard.none(),
                (ticket, now) -> ticket.assign(new PersonId("bob"), bob.actor(), now)));
        assertThrows(ForbiddenException.class, () -> work.read(t.id(), bob));
        assertEquals(t.version(), store.find(t.id()).orElseThrow().version());
        assertThrows(TicketNotFoundException.class, () -> work.read(TicketId.next(clock), alice));
    }

    @Test
    void twoConcurrentUpdatesGiveOneConflictWithTheCurrentVersion() {
        Ticket t = stored("billing", Priority.NORMAL, "c2@example.com");
        Guard seen = new Guard(Optional.of(t.version()), Optional.empty(), "");
        work.act(t.id(), alice, seen, (ticket, now) -> ticket.assign(new PersonId("alice"), alice.actor(), now));
        VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> work.act(t.id(), alice,
                seen, (ticket, now) -> ticket.moveTo(Status.PENDING, alice.actor(), now, "waiting")));
        assertEquals(t.version() + 1, conflict.currentVersion());
        assertEquals(Status.OPEN, store.find(t.id()).orElseThrow().status(), "the loser changed nothing");
    }

    @Test
    void aRaceBetweenReadAndWriteIsAConflictToo() {
        Ticket t = stored("billing", Priority.NORMAL, "c3@example.com");
        VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> work.act(t.id(), alice,
                Guard.none(), (ticket, now) -> {
                    // another agent writes between this action's read and its write
                    store.apply(ticket.assign(new PersonId("zoe"), Actor.system("other"), now));
                    return ticket.moveTo(Status.PENDING, alice.actor(), now, "waiting");
                }));
        assertEquals(t.version() + 1, conflict.currentVersion());
    }

    @Test
    void aRetriedActionWithTheSameKeyActsOnce() {
        Ticket t = stored("billing", Priority.NORMAL, "c4@example.com");
        Guard guard = new Guard(Optional.empty(), Optional.of(new IdempotencyKey("action:alice", "k1")), "reply:hi");
        TicketWorkService.Done first = work.act(t.id(), alice, guard,
                (ticket, now) -> ticket.agentReply("hi", true, alice.actor(), now));
        TicketWorkService.Done retry = work.act(t.id(), alice, guard,
                (ticket, now) -> ticket.agentReply("hi", true, alice.actor(), now));
        assertFalse(first.replayed());
        assertTrue(retry.replayed(), "the retry is answered from the first request");
        assertEquals(first.ticket().version(), retry.ticket().version());
        assertEquals(1, store.history(t.id()).orElseThrow().events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.REPLIED).count());
        Guard otherRequest = new Guard(Optional.empty(), guard.key(), "reply:bye");
        assertThrows(IdempotencyConflictException.class, () -> work.act(t.id(), alice, otherRequest,
                (ticket, now) -> ticket.agentReply("bye", true, alice.actor(), now)));
    }

    @Test
    void mergeWritesBothTicketsTogether() {
        Ticket duplicate = stored("billing", Priority.NORMAL, "c5@example.com");
        Ticket survivor = stored("billing", Priority.NORMAL, "c6@example.com");
        work.actOnMany(duplicate.id(), alice, Guard.none(), (ticket, now) ->
                ticket.mergeInto(work.find(survivor.id(), alice), "same issue", alice.actor(), now));
        assertEquals(survivor.id(), store.find(duplicate.id()).orElseThrow().mergedInto());
        assertEquals(survivor.version() + 1, store.find(survivor.id()).orElseThrow().version());
    }

    @Test
    void theCustomerSeesOnlyThePublicPartWithTheRightToken() {
        Ticket t = stored("billing", Priority.NORMAL, "c7@example.com");
        work.act(t.id(), alice, Guard.none(), (ticket, now) -> ticket.agentReply("internal only", false,
                alice.actor(), now));
        work.act(t.id(), alice, Guard.none(), (ticket, now) -> ticket.agentReply("Hello!", true, alice.actor(), now));
        String token = TOKENS.tokenFor(t);
        var view = work.customerView(t.id(), token);
        assertTrue(view.events().stream().noneMatch(e -> "internal only".equals(e.body())));
        assertTrue(view.events().stream().anyMatch(e -> "Hello!".equals(e.body())));
        assertThrows(TicketNotFoundException.class, () -> work.customerView(t.id(), "wrong"));
        assertThrows(TicketNotFoundException.class, () -> work.customerView(t.id(), null));
    }

    @Test
    void aTeamQueueIsPagedAndFilteredThroughItsIndex() {
        String team = "queue-team-" + System.nanoTime();
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(stored(team, i % 2 == 0 ? Priority.HIGH : Priority.LOW, "q" + i + "@example.com").id());
        }
        QueueQuery firstPage = new QueueQuery(new TeamName(team), Status.OPEN, Filter.ALL, Paging.first(2));
        var page1 = queries.teamQueue(firstPage, clock.instant());
        assertEquals(2, page1.items().size());
        assertNotNull(page1.nextCursor());
        var page2 = queries.teamQueue(new QueueQuery(new TeamName(team), Status.OPEN, Filter.ALL,
                new Paging(page1.nextCursor(), 2)), clock.instant());
        var page3 = queries.teamQueue(new QueueQuery(new TeamName(team), Status.OPEN, Filter.ALL,
                new Paging(page2.nextCursor(), 2)), clock.instant());
        List<TicketId> seen = new ArrayList<>();
        List.of(page1, page2, page3).forEach(p -> p.items().forEach(ticket -> seen.add(ticket.id())));
        assertEquals(Set.copyOf(ids), Set.copyOf(seen));
        assertEquals(5, seen.size(), "no ticket twice");
        assertNull(page3.nextCursor());

        var high = queries.teamQueue(new QueueQuery(new TeamName(team), Status.OPEN,
                Filter.ALL.withPriority(Priority.HIGH),
                Paging.first(50)), clock.instant());
        assertEquals(3, high.items().size());
        assertTrue(high.items().stream().allMatch(ticket -> ticket.priority() == Priority.HIGH));
        var breached = queries.teamQueue(new QueueQuery(new TeamName(team), Status.OPEN,
                Filter.ALL.withDue(DueFilter.BREACHED, Duration.ofHours(1)), Paging.first(50)), clock.instant());
        assertEquals(0, breached.items().size(), "no ticket has a deadline yet");
        assertThrows(InvalidInputException.class, () -> queries.teamQueue(new QueueQuery(new TeamName("other"),
                Status.OPEN,
                Filter.ALL, new Paging(page1.nextCursor(), 2)), clock.instant()));
        assertThrows(InvalidInputException.class, () -> queries.teamQueue(new QueueQuery(new TeamName(team),
                Status.OPEN,
                Filter.ALL, new Paging("garbage!", 2)), clock.instant()));
    }

    @Test
    void aCustomersHistoryIsNewestFirst() {
        Ticket first = stored("billing", Priority.NORMAL, "loyal@example.com");
        Ticket second = stored("billing", Priority.NORMAL, "loyal@example.com");
        var history = queries.customerHistory(CustomerKey.email("loyal@example.com"), null, 10);
        assertEquals(List.of(second.id(), first.id()), history.items().stream().map(Ticket::id).toList());
    }
}
