package io.tierline.api;

import static io.tierline.api.AgentAndCustomerTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lists agents work from, as the api function serves them from the table's indexes: a team's queue with its
 * Breached view and soonest-due order, and a customer's history by id or email as each member of staff may see it.
 * Demo users: alice (agent: billing, service-desk), bob (agent: platform-engineering), ada (admin).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class QueueAndHistoryTest {
    /** A Monday morning in Berlin, later than any other test's tickets, so they can be told apart by time. */
    static final Instant MONDAY = Instant.parse("2028-01-10T08:00:00Z");
    static final Instant START = TestClock.CLOCK.instant();

    @Inject
    TriageService triage;
    @Inject
    TicketStore store;
    @Inject
    DeadlineFiring firing;

    @AfterEach
    void restoreClock() {
        TestClock.CLOCK.set(START);
    }

    /** A customer files a ticket that triage routes to billing (keyword "invoice"). */
    String billingTicket(String email, String customerId) {
        String requester = customerId == null ? "{\"name\":\"Ada\",\"email\":\"%s\"}".formatted(email)
                : "{\"name\":\"Ada\",\"email\":\"%s\",\"customerId\":\"%s\"}".formatted(email, customerId);
        LambdaHttp.Reply created = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice in May.","requester":%s}"""
                .formatted(requester), Map.of());
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        triage.triage(new TicketId(id));
        return id;
    }

    /** Fires each deadline at its instant, as the escalate worker does, up to the first-response breach. */
    void fireUntilFirstResponseBreached(String id) {
        for (int fired = 0; fired < 10; fired++) {
            Deadline next = store.find(new TicketId(id)).orElseThrow().nextDeadline();
            assertNotNull(next, "a running clock");
            TestClock.CLOCK.set(next.at());
            assertEquals(DeadlineFiring.Outcome.FIRED,
                    firing.fire(new DeadlineDue(new TicketId(id), DeadlineKey.of(next), next.at())));
            if (next.metric() == SlaMetric.FIRST_RESPONSE && next.isBreach()) {
                return;
            }
        }
        throw new AssertionError("the first response never breached");
    }

    /** Every page of a list, following nextCursor. */
    static List<JsonNode> allPages(String path, String user) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(LambdaHttp.get(path + (path.contains("?") ? "&" : "?") + "limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), user));
            page.get("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("id").asText()).toList();
    }

    /** Breached tickets (first response days late, the breach fired) and, filed after them, one due in hours. */
    record Queue(List<String> late, String fresh, Instant now) {
    }

    Queue lateTicketsAndAFreshOne() {
        TestClock.CLOCK.set(MONDAY);
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            late.add(billingTicket("late" + i + "@example.com", null));
        }
        for (String id : late) {
            fireUntilFirstResponseBreached(id);
            assertTrue(store.history(new TicketId(id)).orElseThrow().events().stream()
                    .anyMatch(e -> e.type() == TicketEvent.EventType.SLA_BREACH), "the breach was recorded");
        }
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        return new Queue(late, billingTicket("fresh@example.com", null), TestClock.CLOCK.instant());
    }

    @Test
    void ticketsPastTheirFirstResponseTargetAreInTheBreachedView() {
        Queue q = lateTicketsAndAFreshOne();
        List<JsonNode> breached = allPages("/queues/billing?due=breached", "alice");
        assertTrue(ids(breached).containsAll(q.late()), "every breached ticket is in the Breached view: "
                + ids(breached));
        assertFalse(ids(breached).contains(q.fresh()), "a ticket not due yet is not breached");
        for (JsonNode item : breached) {
            assertTrue(Instant.parse(item.get("dueAt").asText()).isBefore(q.now()), item.toString());
        }
        assertFalse(ids(allPages("/queues/billing?due=at-risk", "alice")).contains(q.fresh()),
                "due in hours, not within one");
    }

    @Test
    void anOverdueTicketSortsBeforeOneNotYetDue() {
        Queue q = lateTicketsAndAFreshOne();
        List<String> queue = ids(allPages("/queues/billing", "alice"));
        for (String id : q.late()) {
            assertTrue(queue.indexOf(id) >= 0 && queue.indexOf(id) < queue.indexOf(q.fresh()),
                    "breached " + id + " before " + q.fresh() + ", due in hours: " + queue);
        }
    }

    @Test
    void anAgentWithOnlyTheEmailFindsEveryTicketOfTheAddress() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "Ada." + run + "@Example.com";
        List<String> filed = new ArrayList<>();
        for (String[] requester : new String[][] {{email, "cust-" + run}, {email.toLowerCase(), "cust-" + run},
                {email.toUpperCase(), null}, {email, "cust-other-" + run}}) {
            TestClock.CLOCK.advance(Duration.ofSeconds(1)); // newest first is by creation time
            filed.add(billingTicket(requester[0], requester[1]));
        }

        List<JsonNode> byEmail = allPages("/customers/email:ada." + run.toUpperCase() + "@example.COM/tickets",
                "alice");
        assertEquals(List.of(filed.get(3), filed.get(2), filed.get(1), filed.get(0)), ids(byEmail),
                "all four, newest first, once each across pages, whatever the case of the address");
        assertEquals(List.of(filed.get(1), filed.get(0)), ids(allPages("/customers/id:cust-" + run + "/tickets",
                "alice")), "by id: the tickets that named it");
        LambdaHttp.Reply bad = LambdaHttp.get("/customers/email:/tickets", "alice");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("key", bad.json().at("/errors/0/field").asText());
    }

    @Test
    void anotherTeamSeesThatTicketsExistWithTheirTeamAndStatusButNoContent() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = billingTicket("private-" + run + "@example.com", "cust-" + run);
        assertEquals(403, LambdaHttp.get("/tickets/" + id, "bob").status(), "bob works in platform-engineering");

        for (String path : List.of("/customers/id:cust-" + run + "/tickets",
                "/customers/email:private-" + run + "@example.com/tickets")) {
            JsonNode seenByBob = ok(LambdaHttp.get(path, "bob")).get("items").get(0);
            assertEquals(id, seenByBob.get("id").asText());
            assertEquals("billing", seenByBob.get("team").asText());
            assertEquals("open", seenByBob.get("status").asText());
            assertTrue(seenByBob.get("restricted").asBoolean());
            for (String content : List.of("subject", "description", "requester", "tags", "assignee", "events")) {
                assertFalse(seenByBob.has(content), content + " is content: " + seenByBob);
            }
            assertFalse(seenByBob.toString().contains("invoice") || seenByBob.toString().contains("private-"),
                    seenByBob.toString());

            for (String staff : List.of("alice", "ada")) {
                JsonNode whole = ok(LambdaHttp.get(path, staff)).get("items").get(0);
                assertEquals("Wrong invoice", whole.get("subject").asText(), staff + " works on it (ada: admin)");
                assertEquals("Charged twice in May.", whole.get("description").asText());
                assertFalse(whole.has("restricted"));
            }
        }
    }
}
