package io.tierline.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.core.port.AfterWrite;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.routing.AgentState;
import io.tierline.core.routing.QueueWorklists;
import io.tierline.core.routing.RoutingService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic assignment on DynamoDB Local under concurrent intake: twelve German billing tickets offered at once from
 * eight threads on a Saturday, when only Greta (capacity 3) fits. The load counter's condition lets exactly three
 * through; offering every ticket again changes nothing; a solve frees one slot.
 */
class ConcurrentAssignmentTest {
    static final Instant SATURDAY = Instant.parse("2026-12-05T10:00:00Z");
    static LocalAws aws;
    static DynamoDbTicketStore store;
    static DynamoDbRoster roster;
    static RoutingService routing;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        String table = aws.tableName("TicketsTable");
        store = new DynamoDbTicketStore(aws.dynamoDb(), table);
        roster = new DynamoDbRoster(aws.dynamoDb(), table);
        SettableClock clock = new SettableClock(SATURDAY);
        Policies policies = PolicyDocument.fromFile(ProjectRoot.find().resolve("docs/examples/assignment-policy.json"));
        routing = new RoutingService(store, roster, new QueueWorklists(new DynamoDbTicketQueries(aws.dynamoDb(),
                table), clock), policies::staffing, clock, AfterWrite.NOTHING);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    static TicketId germanBilling(int n) {
        TicketId id = new TicketId(String.format("01KC%022d", n));
        TicketChange opened = Ticket.open(id, new TicketDraft(new TicketDraft.Asked("Rechnung " + n,
                "Rechnung doppelt abgebucht"),
                new Requester("Jana", "jana@example.de", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                new TicketDraft.Topic(null, List.of())), "salt", Actor.customer("jana@example.de"), SATURDAY);
        store.create(opened, Optional.empty());
        store.apply(opened.after().triage(new TriageDecision(Priority.NORMAL, new TeamName("billing"), Tier.of(1),
                "billing",
                List.of(), new TicketSignals("de", 0, 0), "billing rule"), Actor.system("triage"), SATURDAY));
        return id;
    }

    static int load(String person) {
        return roster.states(List.of(new PersonId(person))).getOrDefault(new PersonId(person), AgentState.FRESH)
                .load();
    }

    @Test
    void nobodyExceedsCapacityUnderConcurrentIntakeAndCountersStayExactAcrossRepeats() throws Exception {
        List<TicketId> ids = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            ids.add(germanBilling(n));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RoutingService.Outcome>> offers = ids.stream()
                    .<Callable<RoutingService.Outcome>>map(id -> () -> routing.offer(id)).toList();
            List<RoutingService.Outcome> outcomes = new ArrayList<>();
            for (Future<RoutingService.Outcome> f : pool.invokeAll(offers)) {
                outcomes.add(f.get());
            }
            assertEquals(3, outcomes.stream().filter(o -> o == RoutingService.Outcome.ASSIGNED).count(), outcomes
                    .toString());
            assertEquals(3, load("greta"));
            List<TicketId> held = ids.stream()
                    .filter(id -> new PersonId("greta").equals(store.find(id).orElseThrow().assignee()))
                    .toList();
            assertEquals(3, held.size());

            for (Future<RoutingService.Outcome> f : pool.invokeAll(offers)) {
                f.get(); // every delivery again, at once
            }
            assertEquals(3, load("greta"), "repeated offers move no counter");
            assertEquals(3,
                    ids.stream().filter(id -> new PersonId("greta").equals(store.find(id).orElseThrow().assignee()))
                    .count());
            for (TicketId id : ids) {
                long assigned = store.history(id).orElseThrow().events().stream()
                        .filter(e -> e instanceof TicketEvent.AutoAssigned).count();
                assertEquals(held.contains(id) ? 1 : 0, assigned, id.toString());
            }
        } finally {
            pool.shutdown();
        }

        Ticket solved = store.find(ids.stream().filter(id -> new PersonId("greta").equals(store.find(id).orElseThrow()
                .assignee())).findFirst().orElseThrow()).orElseThrow();
        store.apply(solved.resolve("refunded", null, new Actor(Actor.Kind.AGENT, "greta"), SATURDAY.plusSeconds(60)));
        assertEquals(2, load("greta"));
        assertEquals(1, routing.fill(new PersonId("greta")));
        assertEquals(3, load("greta"));
    }
}
