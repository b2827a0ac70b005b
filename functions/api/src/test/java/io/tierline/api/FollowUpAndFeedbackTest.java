package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tierline.core.followup.FollowUpService;
import io.tierline.core.json.Json;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The follow-up after a resolution and the agents' feedback on escalations through the api function, with real
 * Lambda HTTP events and real access tokens, on a policy document that follows up one hour after a resolution. The
 * escalate worker's part (firing the follow-up at its second) is called here as the worker calls it.
 */
@QuarkusTest
@TestProfile(FollowUpAndFeedbackTest.FollowUpPolicy.class)
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class FollowUpAndFeedbackTest {
    /** The bundled policy document with {@code "followUp": {"after": "1h"}}. */
    public static class FollowUpPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
                ObjectNode doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                doc.set("followUp", Json.parse("{\"after\": \"1h\"}"));
                Path file = Files.createTempFile("follow-up-policy", ".json");
                Files.writeString(file, doc.toString());
                file.toFile().deleteOnExit();
                return Map.of("tierline.policy.file", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    TriageService triage;
    @Inject
    TicketStore store;
    @Inject
    FollowUpService followUps;

    record Filed(String id, String token) {
        String customerPath(String action) {
            return "/customer/tickets/" + id + action + "?token=" + token;
        }
    }

    Filed billingTicket(String email) {
        JsonNode created = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice in May.",
                 "requester":{"name":"Cleo","email":"%s"}}""".formatted(email), Map.of()).json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        return new Filed(id, created.get("accessToken").asText());
    }

    static JsonNode ok(LambdaHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static List<String> types(JsonNode ticket, String list) {
        List<String> types = new ArrayList<>();
        ticket.get(list).forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    static long count(List<String> types, String type) {
        return types.stream().filter(type::equals).count();
    }

    @Test
    void theCustomerIsAskedAnHourAfterTheResolutionAndAnswersOnce() {
        Filed t = billingTicket("follow-up@example.com");
        ok(LambdaHttp.post("/tickets/" + t.id() + "/resolution", "alice",
                "{\"note\":\"Refunded the second charge.\",\"rootCause\":\"payment retry bug\"}", Map.of()));
        Instant due = store.find(new TicketId(t.id())).orElseThrow().followUpDueAt();
        assertEquals(TestClock.CLOCK.instant().plus(Duration.ofHours(1)), due);

        LambdaHttp.Reply early = LambdaHttp.postJson(t.customerPath("/follow-up"), "{\"stayedSolved\":true}",
                Map.of());
        assertEquals(409, early.status(), early.body());
        assertTrue(early.body().contains("no follow-up waiting"), early.body());

        Instant before = TestClock.CLOCK.instant();
        try {
            TestClock.CLOCK.set(due);
            assertEquals(FollowUpService.Outcome.SENT, followUps.fire(new FollowUpDue(new TicketId(t.id()), due)));
            assertEquals(FollowUpService.Outcome.SENT_BEFORE,
                    followUps.fire(new FollowUpDue(new TicketId(t.id()), due)));
            JsonNode asked = ok(LambdaHttp.get(t.customerPath("")));
            assertTrue(asked.get("followUpAwaited").asBoolean(), asked.toString());
            assertEquals(1, count(types(asked, "conversation"), "follow-up-requested"));

            LambdaHttp.Reply bad = LambdaHttp.postJson(t.customerPath("/follow-up"),
                    "{\"stayedSolved\":\"maybe\",\"rating\":9}", Map.of());
            assertEquals(400, bad.status(), bad.body());
            JsonNode problem = Json.parse(bad.body());
            assertTrue(problem.toString().contains("\"field\":\"stayedSolved\""), problem.toString());
            assertTrue(problem.toString().contains("\"field\":\"rating\""), problem.toString());

            Map<String, String> once = Map.of("Idempotency-Key", "follow-up-" + t.id());
            LambdaHttp.Reply first = LambdaHttp.postJson(t.customerPath("/follow-up"),
                    "{\"stayedSolved\":true,\"rating\":5,\"comment\":\"Fine since.\"}", once);
            LambdaHttp.Reply retried = LambdaHttp.postJson(t.customerPath("/follow-up"),
                    "{\"stayedSolved\":true,\"rating\":5,\"comment\":\"Fine since.\"}", once);
            JsonNode answered = ok(first);
            JsonNode repeated = ok(retried);
            assertNull(first.header("Idempotent-Replayed"));
            assertEquals("true", retried.header("Idempotent-Replayed"), "the retry is answered from the first");
            assertEquals(answered.get("updatedAt"), repeated.get("updatedAt"));
            assertFalse(repeated.get("followUpAwaited").asBoolean());
            assertEquals(5, repeated.at("/satisfaction/rating").asInt());
            LambdaHttp.Reply again = LambdaHttp.postJson(t.customerPath("/follow-up"), "{\"stayedSolved\":false}",
                    Map.of());
            assertEquals(409, again.status(), again.body());

            JsonNode agentView = ok(LambdaHttp.get("/tickets/" + t.id(), "alice"));
            List<String> trail = types(agentView, "events");
            assertEquals(1, count(trail, "follow-up-requested"));
            assertEquals(1, count(trail, "follow-up-answered"));
            assertEquals("solved", agentView.get("status").asText());
            JsonNode answer = agentView.get("events").get(trail.indexOf("follow-up-answered"));
            assertEquals("customer:follow-up@example.com", answer.get("actor").asText());
            assertTrue(answer.get("changes").toString().contains("\"field\":\"stayedSolved\""), answer.toString());
        } finally {
            TestClock.CLOCK.set(before);
        }
    }

    @Test
    void notSolvedReopensTheTicket() {
        Filed t = billingTicket("came-back@example.com");
        ok(LambdaHttp.post("/tickets/" + t.id() + "/resolution", "alice", "{\"note\":\"Refunded.\"}", Map.of()));
        Instant due = store.find(new TicketId(t.id())).orElseThrow().followUpDueAt();
        Instant before = TestClock.CLOCK.instant();
        try {
            TestClock.CLOCK.set(due.plusSeconds(2));
            followUps.fire(new FollowUpDue(new TicketId(t.id()), due));
            JsonNode reopened = ok(LambdaHttp.postJson(t.customerPath("/follow-up"),
                    "{\"stayedSolved\":false,\"comment\":\"Charged twice again in June.\"}", Map.of()));
            assertEquals("open", reopened.get("status").asText());
            List<String> conversation = types(reopened, "conversation");
            assertEquals(List.of("follow-up-answered", "reopened"),
                    conversation.subList(conversation.size() - 2, conversation.size()));
        } finally {
            TestClock.CLOCK.set(before);
        }
    }

    @Test
    void theReceiverOfAnEscalationGivesFeedbackOnceAndCustomersNeverSeeIt() {
        Filed t = billingTicket("feedback@example.com");
        String path = "/tickets/" + t.id();
        ok(LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge","team":"platform-engineering","tier":2}""",
                Map.of()));
        String feedback = path + "/escalations/1/feedback";

        LambdaHttp.Reply bad = LambdaHttp.post(feedback, "bob", "{\"needed\":\"perhaps\",\"comment\":7}", Map.of());
        assertEquals(400, bad.status(), bad.body());
        for (String field : List.of("needed", "complete", "comment")) {
            assertTrue(bad.body().contains("\"field\":\"" + field + "\""), field + ": " + bad.body());
        }
        LambdaHttp.Reply notTheirs = LambdaHttp.post(feedback, "alice", "{\"needed\":true,\"complete\":true}",
                Map.of());
        assertEquals(403, notTheirs.status(), "alice's team did not receive it: " + notTheirs.body());

        Map<String, String> once = Map.of("Idempotency-Key", "feedback-" + t.id());
        String body = "{\"needed\":false,\"complete\":true,\"comment\":\"A billing question, not a bug.\"}";
        LambdaHttp.Reply first = LambdaHttp.post(feedback, "bob", body, once);
        ok(first);
        assertNull(first.header("Idempotent-Replayed"));
        LambdaHttp.Reply retried = LambdaHttp.post(feedback, "bob", body, once);
        JsonNode repeated = ok(retried);
        assertEquals("true", retried.header("Idempotent-Replayed"));
        List<String> trail = types(repeated, "events");
        assertEquals(1, count(trail, "escalation-feedback-given"));
        JsonNode given = repeated.get("events").get(trail.indexOf("escalation-feedback-given"));
        assertEquals("agent:bob", given.get("actor").asText());
        assertEquals("A billing question, not a bug.", given.get("body").asText());
        assertTrue(given.get("changes").toString().contains("\"field\":\"escalationNeeded\""), given.toString());

        LambdaHttp.Reply twice = LambdaHttp.post(feedback, "bob", "{\"needed\":true,\"complete\":true}", Map.of());
        assertEquals(409, twice.status(), twice.body());
        LambdaHttp.Reply none = LambdaHttp.post(path + "/escalations/7/feedback", "bob",
                "{\"needed\":true,\"complete\":true}", Map.of());
        assertEquals(404, none.status(), "there is no escalation 7: " + none.body());
        assertTrue(none.body().contains("has no escalation 7"), none.body());

        JsonNode customer = ok(LambdaHttp.get(t.customerPath("")));
        assertFalse(customer.toString().contains("billing question"), "feedback is internal");
        assertFalse(types(customer, "conversation").contains("escalation-feedback-given"));
    }

    /**
     * A hierarchical escalation stays in the sender's team, so the team rule would let the sender rate it: refused,
     * with nothing written, and the supervisor it went to still gives the feedback.
     */
    @Test
    void theSenderOfAnEscalationCannotGiveItsFeedback() {
        Filed t = billingTicket("own-feedback@example.com");
        String path = "/tickets/" + t.id();
        ok(LambdaHttp.post(path + "/escalations", "alice", """
                {"kind":"hierarchical","reason":"limited-authority","to":"supervisor"}""", Map.of()));
        String feedback = path + "/escalations/1/feedback";
        String body = "{\"needed\":true,\"complete\":false}";

        LambdaHttp.Reply own = LambdaHttp.post(feedback, "alice", body, Map.of());
        assertEquals(403, own.status(), own.body());
        assertTrue(own.body().contains("alice sent escalation 1; its feedback is for whoever received it"),
                own.body());
        assertEquals(0, count(types(ok(LambdaHttp.get(path, "sam")), "events"), "escalation-feedback-given"));

        JsonNode given = ok(LambdaHttp.post(feedback, "sam", body, Map.of()));
        assertEquals(1, count(types(given, "events"), "escalation-feedback-given"));
    }
}
