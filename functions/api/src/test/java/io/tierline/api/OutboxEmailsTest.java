package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.notify.Email;
import io.tierline.core.notify.EmailSender;
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

    @Test
    void supervisorsAndAdminsListTheRecordedEmailsNewestFirst() throws Exception {
        String run = UUID.randomUUID().toString();
        sender.send(new Email(run + "/1", "T1", "tierline@example.com", "petra@example.com", "Level 1",
                "Ticket T1 <b>needs</b> you"), TestClock.CLOCK.instant());
        sender.send(new Email(run + "/2", "T1", "tierline@example.com", "cleo@example.com", "Your ticket",
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
            assertEquals("T1", items.get(1).get("ticketId").asText());
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
                    + (cursor == null ? "" : "&cursor=" + cursor), "sam"));
            assertTrue(page.get("items").size() <= 2, page.toString());
            page.get("items").forEach(e -> keys.add(e.get("key").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertTrue(pages >= 3, "five emails or more, two a page");
        assertEquals(keys.size(), keys.stream().distinct().count(), "no email twice across pages: " + keys);
        assertEquals(sent, keys.stream().filter(k -> k.startsWith(run)).toList(), "all of them, newest first");
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
