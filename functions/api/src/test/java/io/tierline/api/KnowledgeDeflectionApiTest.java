package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.port.TicketReports;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tier 0 on the support form through the api function on DynamoDB Local: the form's check for answers shows the
 * article, "this solved my problem" files nothing and counts once per form key, "I still need help" files the ticket,
 * a vote counts once per key, and bad bodies name their field. Counters are read where the reports read them.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class KnowledgeDeflectionApiTest {
    private static final String ARTICLE = """
            {"title":"Refund a duplicate charge <script>x</script>","category":"billing","language":"en",
             "body":"Charged twice? A duplicate charge is refunded from the Billing page within five days."}""";

    @Inject
    TicketReports reports;

    private static LambdaHttp.Reply json(String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return LambdaHttp.call(method, path, all, body);
    }

    private static LambdaHttp.Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return LambdaHttp.call("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"), body);
    }

    private static Map<String, String> typed(String key, String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", key);
        fields.put("requester.name", "Kim");
        fields.put("requester.email", "kim@example.com");
        fields.put("subject", subject);
        fields.put("description", "My card shows the same payment two times.");
        fields.put("impact", "low");
        fields.put("urgency", "medium");
        return fields;
    }

    private long count(String name) {
        LocalDate day = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC);
        return reports.days(day, day).stream().mapToLong(d -> d.count(name)).sum();
    }

    private String publishedArticle() {
        Map<String, String> sam = Map.of("Authorization", LambdaHttp.bearer("sam"));
        LambdaHttp.Reply created = json("POST", "/articles", ARTICLE, sam);
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(200, json("POST", "/articles/" + id + "/publish", "", sam).status());
        return id;
    }

    @Test
    void theFormChecksForAnswersAndADeflectionFilesNothing() {
        String id = publishedArticle();
        long shown = count("kb|suggested");
        long deflected = count("kb|deflected");
        long created = count("created");

        LambdaHttp.Reply check = form("/tickets", withStep(typed("form-defl-1", "Duplicate charge on my card")));
        assertEquals(200, check.status(), check.body());
        String html = check.body();
        assertTrue(html.contains("href=\"/help/articles/" + id
                + "\">Refund a duplicate charge &lt;script&gt;x&lt;/script&gt;</a>"), html);
        assertTrue(html.contains("value=\"form-defl-1\""), "the form key is kept: " + html);
        assertTrue(html.contains("value=\"Duplicate charge on my card\""), "what was typed is kept: " + html);
        assertTrue(html.contains("name=\"article\" value=\"" + id + "\" formaction=\"/kb/deflections\""), html);
        assertTrue(html.contains("I still need help"), html);
        assertEquals(shown + 1, count("kb|suggested"));

        Map<String, String> solved = typed("form-defl-1", "Duplicate charge on my card");
        solved.put("article", id);
        LambdaHttp.Reply thanks = form("/kb/deflections", solved);
        assertEquals(200, thanks.status(), thanks.body());
        assertTrue(thanks.body().contains("did not file a request"), thanks.body());
        assertEquals(200, form("/kb/deflections", solved).status(), "a double click is answered the same");
        assertEquals(deflected + 1, count("kb|deflected"), "counted once per form key");
        assertEquals(1, count("kb|article|" + id + "|deflected"));
        assertEquals(created, count("created"), "no ticket was filed");

        assertTrue(html.contains("name=\"articlesSeen\" value=\"" + id + "\""), html);
        long filedAfter = count("kb|filed-after-suggestions");
        Map<String, String> stillNeedHelp = typed("form-defl-2", "Duplicate charge on my card");
        stillNeedHelp.put("articlesSeen", id);
        LambdaHttp.Reply filed = form("/tickets", stillNeedHelp);
        assertEquals(303, filed.status(), filed.body());
        assertEquals(created + 1, count("created"));
        assertEquals(filedAfter + 1, count("kb|filed-after-suggestions"));

        LambdaHttp.Reply api = json("POST", "/tickets", """
                {"subject":"Charged twice","description":"Same payment two times.",
                 "requester":{"name":"Kim","email":"kim@example.com"},"articlesSeen":["%s"]}""".formatted(id),
                Map.of());
        assertEquals(201, api.status(), api.body());
        String ticket = api.json().get("id").asText();
        LambdaHttp.Reply trail = LambdaHttp.get("/tickets/" + ticket, "ada");
        assertTrue(trail.body().contains("\"articlesSeen\""), trail.body());
        assertTrue(trail.body().contains(id), trail.body());
        LambdaHttp.Reply tooMany = json("POST", "/tickets", """
                {"subject":"x","description":"y","requester":{"name":"Kim","email":"kim@example.com"},
                 "articlesSeen":["nope"]}""", Map.of());
        assertEquals(400, tooMany.status(), tooMany.body());
        assertEquals("articlesSeen[0]", tooMany.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void aCheckWithoutAnswersFilesAtOnceAndCountsTheGap() {
        long gaps = count("kb|gap|zorblax frobnicator");
        Map<String, String> fields = withStep(typed("form-defl-3", "Zorblax frobnicator"));
        fields.put("description", "Zorblax frobnicator");
        LambdaHttp.Reply filed = form("/tickets", fields);
        assertEquals(303, filed.status(), filed.body());
        assertEquals(gaps + 1, count("kb|gap|zorblax frobnicator"));
    }

    @Test
    void votesCountOncePerKeyAndBadBodiesNameTheirField() {
        String id = publishedArticle();
        LambdaHttp.Reply first = json("POST", "/kb/articles/" + id + "/votes", "{\"helpful\":true}",
                Map.of("Idempotency-Key", "vote-1"));
        assertEquals(201, first.status(), first.body());
        LambdaHttp.Reply again = json("POST", "/kb/articles/" + id + "/votes", "{\"helpful\":true}",
                Map.of("Idempotency-Key", "vote-1"));
        assertEquals(200, again.status(), again.body());
        assertEquals(1, count("kb|article|" + id + "|helpful"));
        // the same key for the other answer is another request: refused, nothing counted
        LambdaHttp.Reply reused = json("POST", "/kb/articles/" + id + "/votes", "{\"helpful\":false}",
                Map.of("Idempotency-Key", "vote-1"));
        assertEquals(409, reused.status(), reused.body());
        assertEquals("application/problem+json", reused.header("content-type"));
        assertTrue(reused.json().get("detail").asText().contains("vote-1"), reused.body());
        assertEquals(0, count("kb|article|" + id + "|not-helpful"));
        assertEquals(400, json("POST", "/kb/articles/" + id + "/votes", "{\"helpful\":true}",
                Map.of("Idempotency-Key", "x".repeat(300))).status(), "a key that is no key is named");

        LambdaHttp.Reply pageVote = form("/kb/articles/" + id + "/votes", Map.of("helpful", "false",
                "idempotencyKey", "page-1"));
        assertEquals(303, pageVote.status(), pageVote.body());
        assertEquals(1, count("kb|article|" + id + "|not-helpful"));
        assertTrue(LambdaHttp.get("/help/articles/" + id + "?voted=1").body().contains("Thank you for your answer"));
        assertTrue(LambdaHttp.get("/help/articles/" + id).body().contains("Was this article helpful?"));

        LambdaHttp.Reply noVote = json("POST", "/kb/articles/" + id + "/votes", "{}", Map.of());
        assertEquals(400, noVote.status(), noVote.body());
        assertEquals("helpful", noVote.json().get("errors").get(0).get("field").asText());

        LambdaHttp.Reply badId = json("POST", "/kb/deflections", "{\"article\":\"nope\",\"formKey\":\"k\"}", Map.of());
        assertEquals(400, badId.status(), badId.body());
        assertEquals("article", badId.json().get("errors").get(0).get("field").asText());
        LambdaHttp.Reply noKey = json("POST", "/kb/deflections", "{\"article\":\"" + id + "\"}", Map.of());
        assertEquals(400, noKey.status(), noKey.body());
        assertEquals("formKey", noKey.json().get("errors").get(0).get("field").asText());
        LambdaHttp.Reply unknown = json("POST", "/kb/deflections",
                "{\"article\":\"KB-000000000000\",\"formKey\":\"k\"}", Map.of());
        assertEquals(404, unknown.status(), unknown.body());

        LambdaHttp.Reply deflect = json("POST", "/kb/deflections",
                "{\"article\":\"" + id + "\",\"query\":\"charged twice\",\"formKey\":\"json-1\"}", Map.of());
        assertEquals(201, deflect.status(), deflect.body());
        assertFalse(json("POST", "/kb/deflections",
                "{\"article\":\"" + id + "\",\"query\":\"charged twice\",\"formKey\":\"json-1\"}", Map.of())
                .json().get("counted").asBoolean());
    }

    private static Map<String, String> withStep(Map<String, String> fields) {
        fields.put("step", "check");
        return fields;
    }
}
