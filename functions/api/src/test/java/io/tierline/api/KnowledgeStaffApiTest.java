package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agents' side of the knowledge base on DynamoDB Local: a ticket's suggested articles, a ticket solved with an
 * article (in the trail, counted for the article in the same write), and the supervisors' figures with the role
 * checks. Runs on a day of its own (September 2027) so other tests do not count.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class KnowledgeStaffApiTest {
    static final Instant DAY = Instant.parse("2027-09-06T09:00:00Z");
    static final String PERIOD = "from=2027-09-06&to=2027-09-06";
    static final Instant START = TestClock.CLOCK.instant();

    @Inject
    TriageService triage;

    @AfterEach
    void restoreClock() {
        TestClock.CLOCK.set(START);
    }

    static LambdaHttp.Reply call(String method, String path, String user, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", LambdaHttp.bearer(user));
        headers.put("Content-Type", "application/json");
        return LambdaHttp.call(method, path, headers, body);
    }

    String article(String title, String body, String audience, boolean publish) {
        LambdaHttp.Reply created = call("POST", "/articles", "sam", """
                {"title":"%s","body":"%s","category":"account","tags":[],"language":"en","audience":"%s"}"""
                .formatted(title, body, audience));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        if (publish) {
            AgentAndCustomerTest.ok(call("POST", "/articles/" + id + "/publish", "sam", ""));
        }
        return id;
    }

    @Test
    void agentsAreShownArticlesAndSolveWithOneThatIsThenCounted() {
        TestClock.CLOCK.set(DAY);
        String vault = article("Unlock the quartz vault", "Hold the quartz vault key for ten seconds.", "internal",
                true);
        String draft = article("Quartz vault draft", "Not yet.", "public", false);
        LambdaHttp.Reply filed = LambdaHttp.postJson("/tickets", """
                {"subject":"Quartz vault locked","description":"The quartz vault will not unlock.",
                 "requester":{"name":"Rita","email":"rita@example.com"}}""", Map.of());
        assertEquals(201, filed.status(), filed.body());
        String ticket = filed.json().get("id").asText();
        triage.triage(new TicketId(ticket));

        JsonNode suggested = AgentAndCustomerTest.ok(LambdaHttp.get("/tickets/" + ticket + "/suggested-articles",
                "alice"));
        assertEquals(vault, suggested.get(0).get("id").asText(), "internal articles are for agents too");
        // other test classes publish articles into the same DynamoDB Local, so only the draft's absence is asserted
        for (JsonNode hit : suggested) {
            assertNotEquals(draft, hit.get("id").asText(), "drafts are never suggested: " + suggested);
        }
        assertEquals("internal", suggested.get(0).get("audience").asText());
        assertTrue(suggested.get(0).get("link").asText().endsWith("/dashboard#/articles/" + vault),
                "an internal article's link is its staff page, not the help center's (404 for it): " + suggested);
        String help = article("Quartz vault will not unlock", "Turn the quartz vault dial twice.", "public", true);
        JsonNode both = AgentAndCustomerTest.ok(LambdaHttp.get("/tickets/" + ticket + "/suggested-articles",
                "alice"));
        JsonNode publicHit = null;
        for (JsonNode hit : both) {
            publicHit = help.equals(hit.get("id").asText()) ? hit : publicHit;
        }
        assertNotNull(publicHit, both.toString());
        assertEquals("public", publicHit.get("audience").asText());
        assertTrue(publicHit.get("link").asText().endsWith("/help/articles/" + help), publicHit.toString());
        assertEquals(200, LambdaHttp.call("GET", "/help/articles/" + help, Map.of("accept", "text/html"), null)
                .status(), "the link a customer is given opens");
        assertEquals(401, LambdaHttp.get("/tickets/" + ticket + "/suggested-articles").status());

        LambdaHttp.Reply notPublished = call("POST", "/tickets/" + ticket + "/resolution", "alice",
                "{\"note\":\"Done.\",\"articleId\":\"" + draft + "\"}");
        assertEquals(400, notPublished.status(), notPublished.body());
        assertEquals("articleId", notPublished.json().get("errors").get(0).get("field").asText());

        JsonNode solved = AgentAndCustomerTest.ok(call("POST", "/tickets/" + ticket + "/resolution", "alice",
                "{\"note\":\"Held the key.\",\"articleId\":\"" + vault + "\"}"));
        assertEquals("solved", solved.get("status").asText());
        assertTrue(solved.toString().contains("{\"field\":\"solvedWithArticle\",\"from\":null,\"to\":\"" + vault
                + "\"}"), solved.toString());

        LambdaHttp.Reply proposed = call("POST", "/tickets/" + ticket + "/article-draft", "alice", "");
        assertEquals(201, proposed.status(), proposed.body());
        String location = proposed.header("Location");
        assertTrue(location.endsWith("/articles/KB-" + location.substring(location.length() - 12)), location);
        String draftId = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(proposed.body().contains("{\"field\":\"proposedArticle\",\"from\":null,\"to\":\"" + draftId
                + "\"}"), proposed.body());
        LambdaHttp.Reply again = call("POST", "/tickets/" + ticket + "/article-draft", "alice", "");
        assertEquals(200, again.status(), again.body());
        assertEquals(proposed.json().get("version").asLong(), again.json().get("version").asLong(),
                "a second proposal records nothing");
        JsonNode draftArticle = AgentAndCustomerTest.ok(LambdaHttp.get("/articles/" + draftId, "alice"));
        assertEquals("draft", draftArticle.get("status").asText());
        assertEquals("internal", draftArticle.get("content").get("audience").asText());
        assertEquals("Quartz vault locked", draftArticle.get("content").get("title").asText());
        assertTrue(draftArticle.get("content").get("body").asText().contains("Held the key."));
        assertEquals("proposed from ticket " + ticket, draftArticle.get("history").get(0).get("note").asText());
        assertEquals(403, call("POST", "/articles/" + draftId + "/publish", "alice", "").status());

        JsonNode figures = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/knowledge?" + PERIOD, "sam"));
        assertEquals(1, figures.get("bySolved").size(), figures.toString());
        assertEquals(vault, figures.get("bySolved").get(0).get("id").asText());
        assertEquals("Unlock the quartz vault", figures.get("bySolved").get(0).get("title").asText());
        assertEquals(1, figures.get("bySolved").get(0).get("solved").asInt());
        assertEquals(403, LambdaHttp.get("/reports/knowledge?" + PERIOD, "alice").status());
        LambdaHttp.Reply tooLong = LambdaHttp.get("/reports/knowledge?from=2026-01-01&to=2027-09-06", "ada");
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("from", tooLong.json().get("errors").get(0).get("field").asText());
    }
}
