package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.local.testing.LocalAwsTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base through the api function on DynamoDB Local: a supervisor writes and publishes, a customer
 * searches and reads without signing in, agents may not write, bad bodies name their field, If-Match and
 * Idempotency-Key guard the writes. Demo users: alice (agent), sam (supervisor), ada (admin).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class KnowledgeBaseApiTest {
    private static final String ARTICLE = """
            {"title":"Reset your two-factor device","category":"account","tags":["2fa"],"language":"en",
             "body":"Lost your phone? Use a **recovery code**.\\n\\n<script>alert(1)</script>\\n\\n[x](javascript:alert(1))"}""";

    private static LambdaHttp.Reply call(String method, String path, String user, String body,
                                         Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", LambdaHttp.bearer(user));
        all.put("Content-Type", "application/json");
        return LambdaHttp.call(method, path, all, body);
    }

    @Test
    void aSupervisorWritesAndPublishesAndACustomerFindsIt() {
        LambdaHttp.Reply created = call("POST", "/articles", "sam", ARTICLE, Map.of("Idempotency-Key", "kb-1"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("draft", created.json().get("status").asText());
        assertEquals("\"1\"", created.header("ETag"));

        LambdaHttp.Reply replay = call("POST", "/articles", "sam", ARTICLE, Map.of("Idempotency-Key", "kb-1"));
        assertEquals(200, replay.status(), replay.body());
        assertEquals(id, replay.json().get("id").asText());
        assertEquals("true", replay.header("Idempotent-Replayed"));

        assertEquals(404, LambdaHttp.get("/kb/articles/" + id).status(), "a draft is not public");
        assertEquals(404, LambdaHttp.get("/help/articles/" + id).status(), "nor is its page");
        LambdaHttp.Reply malformed = LambdaHttp.get("/help/articles/nope");
        assertEquals(404, malformed.status(), malformed.body());
        assertTrue(malformed.header("Content-Type").startsWith("text/html"), "a page, not a JSON problem");

        LambdaHttp.Reply stale = call("POST", "/articles/" + id + "/publish", "sam", "", Map.of("If-Match", "\"7\""));
        assertEquals(409, stale.status(), stale.body());
        assertEquals("\"1\"", stale.header("ETag"));

        LambdaHttp.Reply published = call("POST", "/articles/" + id + "/publish", "sam", "",
                Map.of("If-Match", "\"1\""));
        assertEquals(200, published.status(), published.body());
        assertEquals("published", published.json().get("status").asText());
        assertEquals("supervisor:sam", published.json().get("history").get(1).get("by").asText());

        JsonNode hits = LambdaHttp.get("/kb/search?q=lost+my+phone+two-factor").json();
        assertEquals(id, hits.get(0).get("id").asText());
        assertEquals("Lost your phone?", hits.get(0).get("snippet").asText());

        JsonNode page = LambdaHttp.get("/kb/articles/" + id).json();
        String html = page.get("html").asText();
        assertTrue(html.contains("<strong>recovery code</strong>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("<a rel=\"nofollow noopener noreferrer\" href=\"\">x</a>"), html);

        LambdaHttp.Reply help = LambdaHttp.get("/help/articles/" + id);
        assertEquals(200, help.status(), help.body());
        assertTrue(help.header("Content-Type").startsWith("text/html"), help.header("Content-Type"));
        assertTrue(help.body().contains("<h1>Reset your two-factor device</h1>"), help.body());
        assertTrue(help.body().contains("<strong>recovery code</strong>"), help.body());
        assertTrue(help.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the script is inert text");
        assertFalse(help.body().contains("<script>alert"), help.body());
        assertFalse(help.body().contains("javascript:"), help.body());

        LambdaHttp.Reply retired = call("POST", "/articles/" + id + "/retire", "ada", "", Map.of());
        assertEquals(200, retired.status(), retired.body());
        assertEquals(0, LambdaHttp.get("/kb/search?q=two-factor").json().size());
        assertEquals(404, LambdaHttp.get("/help/articles/" + id).status(), "a retired article has no page");
    }

    @Test
    void agentsReadButDoNotWriteAndBadBodiesNameTheirField() {
        assertEquals(403, call("POST", "/articles", "alice", ARTICLE, Map.of()).status());
        assertEquals(401, LambdaHttp.call("POST", "/articles", Map.of("Content-Type", "application/json"), ARTICLE)
                .status());

        LambdaHttp.Reply bad = call("POST", "/articles", "sam",
                "{\"title\":\"\",\"body\":\"x\",\"category\":\"a\",\"audience\":\"everyone\"}", Map.of());
        assertEquals(400, bad.status(), bad.body());
        JsonNode errors = bad.json().get("errors");
        assertEquals("title", errors.get(0).get("field").asText());
        assertEquals("must not be blank", errors.get(0).get("problem").asText());
        assertEquals("audience", errors.get(1).get("field").asText());

        assertEquals(400, LambdaHttp.get("/kb/search?q=").status());
    }
}
