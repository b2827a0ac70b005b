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
    void agentsAndStrangersAreRefusedAndABadLimitIsNamed() {
        assertEquals(403, LambdaHttp.get("/outbox/emails", "alice").status());
        assertEquals(401, LambdaHttp.call("GET", "/outbox/emails", java.util.Map.of("accept", "application/json"),
                null).status());
        LambdaHttp.Reply bad = LambdaHttp.get("/outbox/emails?limit=0", "sam");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("\"field\":\"limit\""), bad.body());
    }
}
