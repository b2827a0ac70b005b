package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The customer's pages as a browser meets them: plain form posts answered with redirects or re-rendered pages,
 * untrusted ticket text escaped everywhere, security headers on every answer, and no cookies.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class CustomerPagesTest {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" & 'single'";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    TriageService triage;

    record Filed(String id, String token, String statusPath) {
    }

    Filed file(String subject, String description) {
        JsonNode created = LambdaHttp.postJson("/tickets", """
                {"subject":%s,"description":%s,"requester":{"name":"Cleo","email":"cleo@example.com"}}"""
                .formatted(json(subject), json(description)), Map.of()).json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        return new Filed(id, created.get("accessToken").asText(), created.get("statusUrl").asText());
    }

    static String json(String text) {
        return io.tierline.core.json.Json.MAPPER.valueToTree(text).toString();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static LambdaHttp.Reply browserPost(String path, Map<String, String> fields) {
        return LambdaHttp.call("POST", path, Map.of("content-type", "application/x-www-form-urlencoded",
                "accept", BROWSER_ACCEPT), form(fields));
    }

    static LambdaHttp.Reply browserGet(String path) {
        return LambdaHttp.call("GET", path, Map.of("accept", BROWSER_ACCEPT), null);
    }

    static String action(Filed t, String name) {
        return "/customer/tickets/" + t.id() + "/" + name + "?token=" + t.token();
    }

    static void assertSecurityHeaders(LambdaHttp.Reply reply) {
        String csp = reply.header("content-security-policy");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "form-action 'self'", "base-uri 'none'", "object-src 'none'")) {
            assertTrue(csp != null && csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline"), "no inline script or style is allowed: " + csp);
        assertEquals("nosniff", reply.header("x-content-type-options"));
        assertEquals("no-referrer", reply.header("referrer-policy"), "the status URL carries a token");
        assertNull(reply.header("set-cookie"), "the customer pages use no cookies");
    }

    /** Escaped, and nothing of it left as markup: the page holds no script or img element but our own script. */
    static void assertInert(String html) {
        assertFalse(html.contains("<script>alert"), "raw script from ticket text");
        assertFalse(html.contains("<img"), "raw img from ticket text");
        assertEquals(1, html.split("<script", -1).length - 1, "only the page's own script element");
        assertTrue(html.contains("<script src=\"/assets/tierline.js\" defer></script>"));
        assertFalse(html.contains("style="), "no inline styles: the policy forbids them");
    }

    @Test
    void everyPageAndAssetCarriesTheSecurityHeadersAndNoCookie() {
        Filed t = file("Headers", "check");
        for (String path : List.of("/", t.statusPath(), t.statusPath() + "&new=1", "/status/" + t.id() + "?token=x",
                "/assets/tierline.css", "/assets/tierline.js", "/assets/missing.js")) {
            LambdaHttp.Reply reply = browserGet(path);
            assertSecurityHeaders(reply);
        }
        assertSecurityHeaders(browserPost("/tickets", Map.of("subject", "x")));
        assertSecurityHeaders(browserPost(action(t, "replies"), Map.of("body", "hello")));
        assertEquals("text/javascript;charset=UTF-8", browserGet("/assets/tierline.js").header("content-type"));
        assertEquals(404, browserGet("/assets/..%2Fapplication.properties").status());
        LambdaHttp.Reply missing = browserGet("/assets/missing.js");
        assertEquals(404, missing.status());
        assertEquals(Problem.MEDIA_TYPE, missing.header("content-type"), "a 404 is a problem document like any other");
    }

    @Test
    void hostileTicketTextIsInertOnEveryPage() {
        Filed t = file(HOSTILE, HOSTILE);
        assertEquals(200, LambdaHttp.postJson(action(t, "replies"), "{\"body\":" + json(HOSTILE) + "}", Map.of())
                .status());
        for (String path : List.of(t.statusPath(), t.statusPath() + "&new=1")) {
            String html = browserGet(path).body();
            assertInert(html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; "
                    + "&quot;quoted&quot; &amp; &#39;single&#39;"), "shown literally");
        }
        // re-rendered after a refused post, with the hostile text typed back into the field
        LambdaHttp.Reply refused = browserPost(action(t, "satisfaction"), Map.of("rating", "3", "comment", HOSTILE));
        assertEquals(409, refused.status(), "an open ticket cannot be rated yet");
        LambdaHttp.Reply invalid = browserPost("/tickets", Map.of("subject", HOSTILE, "requester.email", HOSTILE));
        assertEquals(400, invalid.status());
        assertInert(invalid.body());
        assertInert(refused.body());
    }

    @Test
    void theSupportFormTiesEachErrorToItsFieldAndSummarisesThem() {
        LambdaHttp.Reply reply = browserPost("/tickets", Map.of("subject", "Printer", "description", "Jammed",
                "requester.name", "Dee", "requester.email", "dee@example"));
        assertEquals(400, reply.status());
        String html = reply.body();
        assertTrue(html.contains("<title>Error: Contact support"), html);
        assertTrue(html.contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\""));
        assertTrue(html.contains("<a href=\"#requester-email\">Email address must be a valid email address</a>"));
        assertTrue(html.contains("<p class=\"error-message\" id=\"requester-email-error\">"));
        assertTrue(html.contains("id=\"requester-email\" name=\"requester.email\" type=\"email\" required "
                + "autocomplete=\"email\" value=\"dee@example\" aria-invalid=\"true\" "
                + "aria-describedby=\"requester-email-hint requester-email-error\""), html);
        assertTrue(html.contains("value=\"Printer\""), "what was typed is kept");
        assertTrue(html.contains(">Jammed</textarea>"));
        assertFalse(html.contains("id=\"subject-error\""), "only the wrong field is marked");

        String empty = browserPost("/tickets", Map.of("subject", "s")).body();
        assertTrue(empty.contains("id=\"requester-name-error\""), "no requester at all: both fields say so");
        assertTrue(empty.contains("id=\"requester-email-error\""));
    }

    @Test
    void theStatusPageSaysWhereTheRequestStandsInPlainWords() {
        Filed t = file("Refund please", "Charged twice");
        String confirmation = browserGet(t.statusPath() + "&new=1").body();
        assertTrue(confirmation.contains("id=\"reference\">" + t.id()));
        assertTrue(confirmation.contains("What happens next"));
        assertTrue(confirmation.contains("href=\"" + t.statusPath() + "\""), "the link to keep");

        String page = browserGet(t.statusPath()).body();
        assertTrue(page.contains("<span id=\"status\">Being worked on</span>"), page);
        assertTrue(page.contains(" UTC</time>"), "times say their zone");
        assertTrue(page.contains("id=\"reply-form\" action=\"/customer/tickets/" + t.id() + "/replies?token="));
        assertTrue(page.contains("id=\"escalation-form\""));
        assertFalse(page.contains("id=\"rating-form\""), "rated only once solved");
        assertEquals(404, browserGet("/status/" + t.id() + "?token=wrong").status());
    }

    @Test
    void statusPageFormsRedirectBackWithAConfirmation() {
        Filed t = file("Slow exports", "It takes an hour");
        LambdaHttp.Reply replied = browserPost(action(t, "replies"), Map.of("idempotencyKey", "form-r1",
                "body", "Any news?"));
        assertEquals(303, replied.status(), replied.body());
        URI back = URI.create(replied.header("location"));
        assertEquals("/status/" + t.id(), back.getPath());
        assertTrue(back.getQuery().endsWith("&done=replied"), back.toString());
        assertEquals(303, browserPost(action(t, "replies"), Map.of("idempotencyKey", "form-r1", "body", "Any news?"))
                .status(), "a double-clicked submit");
        String page = browserGet(back.getRawPath() + "?" + back.getRawQuery()).body();
        assertTrue(page.contains("role=\"status\""));
        assertTrue(page.contains("Your reply was sent."));
        assertEquals(1, page.split("Any news\\?", -1).length - 1, "the double submit was recorded once");

        LambdaHttp.Reply escalated = browserPost(action(t, "escalation-requests"), Map.of("reason", ""));
        assertEquals(303, escalated.status(), "the reason is optional on the page");
        assertTrue(browserGet(t.statusPath()).body().contains("You asked for escalation."));
        assertEquals(400, LambdaHttp.postJson(action(t, "escalation-requests"), "{}", Map.of()).status(),
                "JSON clients still give a reason");

        LambdaHttp.Reply blank = browserPost(action(t, "replies"), Map.of("body", "  "));
        assertEquals(400, blank.status());
        assertTrue(blank.body().contains("<a href=\"#body\">Your message is required</a>"), blank.body());
        assertTrue(blank.body().contains("aria-describedby=\"body-error\""));

        LambdaHttp.Reply wrongToken = browserPost("/customer/tickets/" + t.id() + "/replies?token=nope",
                Map.of("body", "<b>x</b>"));
        assertEquals(404, wrongToken.status());
        assertFalse(wrongToken.body().contains("&lt;b&gt;x"), "nothing typed is shown without the token");
    }

    @Test
    void aSolvedTicketIsRatedAndTheRatingIsStored() {
        Filed t = file("Wrong invoice", "Charged twice");
        assertEquals(409, LambdaHttp.postJson(action(t, "satisfaction"), "{\"rating\":4}", Map.of()).status(),
                "not before it is solved");
        assertEquals(200, LambdaHttp.post("/tickets/" + t.id() + "/resolution", "alice",
                "{\"note\":\"Refunded the second charge.\"}", Map.of()).status());

        LambdaHttp.Reply badRating = browserPost(action(t, "satisfaction"), Map.of("rating", "7", "comment", "Great"));
        assertEquals(400, badRating.status());
        assertTrue(badRating.body().contains("Your rating must be a whole number from 1 to 5"), badRating.body());
        assertTrue(badRating.body().contains(">Great</textarea>"), "the comment is kept");

        assertEquals(303, browserPost(action(t, "satisfaction"), Map.of("rating", "2")).status());
        JsonNode rated = LambdaHttp.postJson(action(t, "satisfaction"),
                "{\"rating\":4,\"comment\":\"Quick <b>and</b> kind\"}", Map.of()).json();
        assertEquals(4, rated.at("/satisfaction/rating").asInt());

        JsonNode agent = LambdaHttp.get("/tickets/" + t.id(), "alice").json();
        assertEquals(4, agent.at("/satisfaction/rating").asInt(), "the second rating replaced the first");
        assertEquals("Quick <b>and</b> kind", agent.at("/satisfaction/comment").asText());
        long ratings = 0;
        for (JsonNode e : agent.get("events")) {
            ratings += "satisfaction-rated".equals(e.get("type").asText()) ? 1 : 0;
        }
        assertEquals(2, ratings, "both ratings are in the trail");

        String page = browserGet(t.statusPath()).body();
        assertTrue(page.contains("You rated our help 4 of 5"));
        assertTrue(page.contains("value=\"4\" checked"), "the current rating is preselected");
        assertTrue(page.contains("Quick &lt;b&gt;and&lt;/b&gt; kind"));
    }
    @Test
    void aSolvedTicketSetBackToOpenNoLongerSaysHowItWasSolved() {
        Filed t = file("Export fails", "Every time");
        assertEquals(200, LambdaHttp.post("/tickets/" + t.id() + "/resolution", "alice",
                "{\"note\":\"Cleared the export cache.\"}", Map.of()).status());
        assertTrue(browserGet(t.statusPath()).body().contains("How we solved it"));

        assertEquals(200, LambdaHttp.post("/tickets/" + t.id() + "/status", "alice",
                "{\"status\":\"open\",\"reason\":\"still failing\"}", Map.of()).status());
        String page = browserGet(t.statusPath()).body();
        assertTrue(page.contains("<span id=\"status\">Being worked on</span>"), page);
        assertFalse(page.contains("How we solved it"), page);
        assertTrue(LambdaHttp.get(action(t, "").replace("/?", "?")).json().path("resolution").isMissingNode(),
                "nor does the customer's JSON");
        assertFalse(LambdaHttp.get("/tickets/" + t.id(), "alice").json().hasNonNull("resolution"),
                "the ticket itself no longer carries it, as after a reopen");
    }

    /** Browsers and simple clients send many Accept headers; every one that takes HTML gets the page flow. */
    @Test
    void aFormPostWithAnyBrowserLikeAcceptGetsThePageFlow() {
        Filed t = file("Accept headers", "Every browser differs");
        int n = 0;
        for (String accept : new String[] {"text/html", "*/*", null, "text/html, application/json",
                "text/*;q=0.9, application/json;q=0.5"}) {
            Map<String, String> headers = new java.util.HashMap<>(Map.of("content-type",
                    "application/x-www-form-urlencoded"));
            if (accept != null) {
                headers.put("accept", accept);
            }
            LambdaHttp.Reply replied = LambdaHttp.call("POST", action(t, "replies"), headers,
                    form(Map.of("body", "reply " + n++)));
            assertEquals(303, replied.status(), accept + ": " + replied.body());
            LambdaHttp.Reply escalation = LambdaHttp.call("POST", action(t, "escalation-requests"), headers,
                    form(Map.of("reason", "")));
            assertEquals(303, escalation.status(), accept + ": " + escalation.body());
            LambdaHttp.Reply refused = LambdaHttp.call("POST", action(t, "satisfaction"), headers,
                    form(Map.of("rating", "4")));
            assertEquals(409, refused.status(), accept + ": not solved yet");
            assertTrue(refused.header("content-type").startsWith("text/html"), accept + ": the page with the reason");
            assertTrue(refused.body().contains("That did not work"), refused.body());
            LambdaHttp.Reply filed = LambdaHttp.call("POST", "/tickets", headers, form(Map.of("subject", "Form",
                    "description", "d", "requester.name", "Ann", "requester.email", "ann@example.com")));
            assertEquals(303, filed.status(), accept + ": " + filed.body());
            LambdaHttp.Reply invalid = LambdaHttp.call("POST", "/tickets", headers, form(Map.of("subject", "x")));
            assertEquals(400, invalid.status());
            assertTrue(invalid.header("content-type").startsWith("text/html"), accept + ": the form with errors");
        }
        assertEquals(200, LambdaHttp.post("/tickets/" + t.id() + "/resolution", "alice",
                "{\"note\":\"Fixed.\"}", Map.of()).status());
        LambdaHttp.Reply rated = LambdaHttp.call("POST", action(t, "satisfaction"), Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "text/html"), form(Map.of("rating", "5")));
        assertEquals(303, rated.status(), rated.body());

        // a client that prefers JSON still gets JSON, for a form post too
        LambdaHttp.Reply json = LambdaHttp.call("POST", action(t, "replies"), Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "application/json"), form(Map.of("body", "json")));
        assertEquals(200, json.status(), json.body());
        assertEquals(t.id(), json.json().get("id").asText());
    }
    /** Impact is asked in plain words beside urgency, so a customer who cannot work reaches the top priorities. */
    @Test
    void theSupportFormAsksWhoIsAffectedAndItSetsTheImpact() {
        String form = browserGet("/").body();
        assertTrue(form.contains("<label for=\"impact\">Who is affected?</label>"), form);
        assertTrue(form.contains("<select id=\"impact\" name=\"impact\""), form);
        assertTrue(form.contains("<option value=\"high\">Many people, or our business has stopped</option>"), form);
        assertTrue(form.contains("<option value=\"low\" selected>"), "the API's default is preselected");
        assertTrue(form.contains("<select id=\"urgency\" name=\"urgency\""), "urgency stays");

        LambdaHttp.Reply filed = browserPost("/tickets", Map.of("subject", "Payroll export down",
                "description", "Nobody in finance can run payroll.", "requester.name", "Fay",
                "requester.email", "fay@example.com", "impact", "high", "urgency", "high"));
        assertEquals(303, filed.status(), filed.body());
        String id = URI.create(filed.header("location")).getPath().substring("/status/".length());
        triage.triage(new TicketId(id));
        JsonNode ticket = LambdaHttp.get("/tickets/" + id, "ada").json();
        assertEquals("high", ticket.get("impact").asText());
        assertEquals("urgent", ticket.get("priority").asText(), "high impact and high urgency: the matrix says urgent");
    }
}
