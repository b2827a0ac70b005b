package io.tierline.e2e;

import static io.tierline.e2e.FirstJourneyTest.JSON;
import static io.tierline.e2e.FirstJourneyTest.awaitTriaged;
import static io.tierline.e2e.FirstJourneyTest.send;
import static io.tierline.e2e.FirstJourneyTest.sendAs;
import static io.tierline.e2e.FirstJourneyTest.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.local.ProjectRoot;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's "done when", through the local runner and in real time: a ticket left unanswered walks up its policy
 * by itself (the schedule runs the sweep, the sweep sends what is due, the escalate worker records the level, the
 * notify worker delivers), with the customer told once and each person notified once per level.
 *
 * <p>The policy is the bundled one with a one-minute first-response target so the walk fits in a test: the warning
 * (50 %) starts level 1 after 30 s, the breach starts level 2 after 60 s. The breach is due sooner than the next
 * sweep: the worker that fired the warning sends it ahead, so it fires on its second too.
 */
class EscalationJourneyTest {
    /** The schedule runs every minute and looks two minutes ahead, so a step fires within seconds of its time. */
    static final Duration LATE_AT_MOST = Duration.ofSeconds(10);

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(ProjectRoot.find().resolve(
                "functions/core/src/main/resources/io/tierline/policy/default-policy.json").toFile());
        policy.set("slaPolicies", JSON.readTree("""
                [{"name": "minute", "calendar": "24x7", "metrics": {"firstResponse": {"target": "1m", "warnAt": [50]}}}]"""));
        policy.set("escalationPolicies", JSON.readTree("""
                [{"name": "minute", "acknowledgementTimeout": "5m", "levels": [
                   {"trigger": {"warning": "firstResponse"}, "targets": [{"role": "assignee"}, {"role": "supervisor"}],
                    "actions": ["notify"]},
                   {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}],
                    "actions": ["raiseTier", "addWatchers", "notify"]}]}]"""));
        // any day, any hour: quiet hours would defer the non-urgent level-1 mails (tested in the core scenarios)
        policy.get("directory").get("people").forEach(person -> ((ObjectNode) person).remove("workingHours"));
        Path file = Files.writeString(folder.resolve("minute-policy.json"), JSON.writeValueAsString(policy));
        FirstJourneyTest.start(options -> options.withPolicyFile(file));
    }

    @AfterAll
    static void stop() {
        FirstJourneyTest.stop();
    }

    @Test
    void anUnansweredTicketWalksUpItsLevelsOnTimeAndEveryoneIsToldOnce() throws Exception {
        HttpResponse<String> filed = send("POST", "/tickets", "application/json", """
                {"subject":"Invoice shows the wrong VAT","description":"The May invoice has 19% instead of 7%.",
                 "requester":{"name":"Noor","email":"noor@example.com"}}""");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode created = JSON.readTree(filed.body());
        String id = created.get("id").asText();
        Instant createdAt = Instant.parse(created.get("createdAt").asText());
        awaitTriaged(id);
        assertEquals(200, sendAs("sam", "POST", "/tickets/" + id + "/assignment", "{\"assignee\":\"alice\"}",
                Map.of()).statusCode());

        JsonNode walked = awaitLevel(id, 2, Duration.ofSeconds(150));
        List<JsonNode> escalations = new ArrayList<>();
        walked.get("escalations").forEach(escalations::add);
        assertEquals(2, escalations.size(), walked.get("escalations").toString());
        Instant warning = createdAt.plusSeconds(30);
        Instant breach = createdAt.plusSeconds(60);
        assertOnTime(warning, escalations.get(0));
        assertOnTime(breach, escalations.get(1));
        assertEquals("automatic", escalations.get(1).get("kind").asText());
        assertEquals("sla-breach", escalations.get(1).get("reason").asText());
        assertEquals(2, walked.get("tier").asInt(), "level 2 raised the tier");
        assertEquals("[\"sam\"]", walked.get("watchers").toString());

        String token = created.get("accessToken").asText();
        JsonNode customer = JSON.readTree(send("GET", "/customer/tickets/" + id + "?token=" + token, null, null)
                .body());
        long updates = 0;
        for (JsonNode entry : customer.get("conversation")) {
            if (entry.get("type").asText().equals("customer-updated")) {
                updates++;
                assertTrue(entry.get("body").asText().startsWith("Your request is now with our billing "
                        + "specialists (tier 2)."), entry.toString());
            }
        }
        assertEquals(1, updates, "the customer is told once, about the move to tier 2");

        List<String> emails = awaitEmails(id, 4, Duration.ofSeconds(30));
        assertEquals(List.of(id + "/1/1/0/alice/email", id + "/1/1/0/sam/email", id + "/2/2/0/customer/customer",
                id + "/2/2/0/sam/email"), emails, "each person once per level, and the customer once");
    }

    static void assertOnTime(Instant due, JsonNode escalation) {
        Instant at = Instant.parse(escalation.get("at").asText());
        assertTrue(!at.isBefore(due) && at.isBefore(due.plus(LATE_AT_MOST)), "due " + due + ", escalated " + at);
    }

    static JsonNode awaitLevel(String id, int level, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode t = ticket(id);
        while (t.path("escalation").path("level").asInt() < level && System.nanoTime() < deadline) {
            Thread.sleep(1000); // waiting for real time to pass: the walk runs on the schedule's clock
            t = ticket(id);
        }
        assertEquals(level, t.path("escalation").path("level").asInt(), t.toString());
        return t;
    }

    /** The ticket's emails in the local outbox (what SES would have sent), by key, once the count is reached. */
    static List<String> awaitEmails(String id, int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> keys;
        do {
            HttpResponse<String> outbox = sendAs("sam", "GET", "/outbox/emails?limit=100", null, Map.of());
            assertEquals(200, outbox.statusCode(), outbox.body());
            keys = new ArrayList<>();
            for (JsonNode email : JSON.readTree(outbox.body()).get("items")) {
                if (email.get("key").asText().startsWith(id + "/")) {
                    keys.add(email.get("key").asText());
                }
            }
            keys.sort(null);
            if (keys.size() >= count) {
                return keys;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return keys;
    }
}
