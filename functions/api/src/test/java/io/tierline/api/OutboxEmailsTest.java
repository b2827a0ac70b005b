package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.notify.Email;
import io.tierline.core.notify.EmailSender;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /outbox/emails with the ApiFunction's template environment, where (locally) email goes to the outbox.
 * Demo users: alice (agent), sam (supervisor), ada (admin).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class OutboxEmailsTest {
    @Inject
    EmailSender sender;
    @Inject
    TriageService triage;

    /** A ticket that triage routes to billing (sam's team; not petra's). */
    String billingTicket() {
        String id = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice in May.",
                 "requester":{"name":"Cleo","email":"outbox@example.com"}}""", java.util.Map.of()).json()
                .get("id").asText();
        triage.triage(new TicketId(id));
        return id;
    }

    @Test
    void supervisorsAndAdminsListTheRecordedEmailsNewestFirst() throws Exception {
        String run = UUID.randomUUID().toString();
        String t1 = billingTicket();
        sender.send(new Email(run + "/1", t1, "tierline@example.com", "petra@example.com", "Level 1",
                "Ticket T1 <b>needs</b> you"), TestClock.CLOCK.instant());
        sender.send(new Email(run + "/2", t1, "tierline@example.com", "cleo@example.com", "Your ticket",
                "A specialist team has it."), TestClock.CLOCK.instant().plus(Duration.ofSeconds(1)));

        for (String user : new String[] {"sam", "ada"}) {
            LambdaHttp.Reply reply = LambdaHttp.get("/outbox/emails?limit=2", user);
            assertEquals(200, reply.status(), reply.body());
            JsonNode body = reply.json();
            assertEquals("outbox", body.get("delivery").asText());
            JsonNode items = body.get("items");
            assertEquals(2, items.size(), body.toString());
            assertEquals(run + "/2", items.get(0).get("key").asText(), "newest first");
            assertEquals("cleo@example.com", items.get(0).get("to").asText());
            assertEquals("Ticket T1 <b>needs</b> you", items.get(1).get("text").asText(), "exactly as sent");
            assertEquals("Level 1", items.get(1).get("subject").asText());
            assertEquals(t1, items.get(1).get("ticketId").asText());
            assertEquals(TestClock.CLOCK.instant().toString(), items.get(1).get("at").asText());
        }
    }

    @Test
    void theOutboxIsPagedWithACursorLikeEveryList() throws Exception {
        String run = UUID.randomUUID().toString();
        // a day before the other tests' emails, so they do not change which are newest there
        Instant at = TestClock.CLOCK.instant().minus(Duration.ofDays(1));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(0, run + "/" + i);
            sender.send(new Email(run + "/" + i, "T2", "tierline@example.com", "ops@example.com", "Level " + i,
                    "text"), at.plusSeconds(i));
        }
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = AgentAndCustomerTest.ok(LambdaHttp.get("/outbox/emails?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "ada"));
            assertTrue(page.get("items").size() <= 2, page.toString());
            page.get("items").forEach(e -> keys.add(e.get("key").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertTrue(pages >= 3, "five emails or more, two a page");
        assertEquals(keys.size(), keys.stream().distinct().count(), "no email twice across pages: " + keys);
        assertEquals(sent, keys.stream().filter(k -> k.startsWith(run)).toList(), "all of them, newest first");
    }

    /** A supervisor reads the emails of their teams' tickets only, as they read those tickets; an admin all. */
    @Test
    void aSupervisorSeesTheEmailsOfTheirTeamsTicketsOnly() throws Exception {
        String run = UUID.randomUUID().toString();
        String billing = billingTicket();
        Instant at = TestClock.CLOCK.instant().minus(Duration.ofDays(2));
        sender.send(new Email(run + "/billing", billing, "tierline@example.com", "cleo@example.com", "Yours",
                "text"), at);
        sender.send(new Email(run + "/unknown", "T3", "tierline@example.com", "ops@example.com", "Other", "text"),
                at.plusSeconds(1));
        assertEquals(List.of(run + "/billing"), keys("sam", run));
        assertEquals(List.of(), keys("petra", run), "platform engineering and security only");
        assertEquals(List.of(run + "/unknown", run + "/billing"), keys("ada", run));
    }

    private static List<String> keys(String user, String run) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = AgentAndCustomerTest.ok(LambdaHttp.get("/outbox/emails?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), user));
            page.get("items").forEach(e -> keys.add(e.get("key").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return keys.stream().filter(k -> k.startsWith(run)).toList();
    }

    @Test
    void agentsAndStrangersAreRefusedAndABadLimitIsNamed() {
        assertEquals(403, LambdaHttp.get("/outbox/emails", "alice").status());
        assertEquals(401, LambdaHttp.call("GET", "/outbox/emails", java.util.Map.of("accept", "application/json"),
                null).status());
        for (String limit : new String[] {"0", "101", "1000", "many"}) {
            LambdaHttp.Reply bad = LambdaHttp.get("/outbox/emails?limit=" + limit, "sam");
            assertEquals(400, bad.status());
            assertEquals("limit", bad.json().at("/errors/0/field").asText(), bad.body());
        }
        assertTrue(LambdaHttp.get("/outbox/emails?limit=1000", "sam").body().contains("from 1 to 100"),
                "the same range as every list, named");
        LambdaHttp.Reply foreign = LambdaHttp.get("/outbox/emails?cursor=bogus", "sam");
        assertEquals(400, foreign.status());
        assertEquals("cursor", foreign.json().at("/errors/0/field").asText(), foreign.body());
    }
}
