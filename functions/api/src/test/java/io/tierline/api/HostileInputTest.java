package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Crafted requests from the hostile-input run of issue 11, sent as API Gateway events: each is a 400 problem that
 * names the header or field at fault, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class HostileInputTest {
    @Inject
    TriageService triage;
    @Inject
    DynamoDbClient dynamo;
    @ConfigProperty(name = "tierline.table")
    String table;

    int storedItems() {
        return dynamo.scan(b -> b.tableName(table).select("COUNT")).count();
    }

    /** A ticket triage routed to billing (alice's and sam's team). */
    String billingTicket() {
        JsonNode created = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice.",
                 "requester":{"name":"Hal","email":"hal@example.com"}}""", Map.of()).json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        return id;
    }

    String version(String id) {
        LambdaHttp.Reply read = LambdaHttp.get("/tickets/" + id, "sam");
        assertEquals(200, read.status(), read.body());
        return read.header("etag");
    }

    /** A 400 problem document whose errors name {@code field} (header names in any case). */
    static String refused(LambdaHttp.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.header("content-type"));
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.stream().anyMatch(field::equalsIgnoreCase), fields + " should name " + field);
        return reply.body();
    }

    @Test
    void aControlCharacterInAHeaderIsA400NamingTheHeader() {
        int items = storedItems();
        refused(LambdaHttp.postJson("/tickets", ApiFunctionTest.VALID, Map.of("user-agent", "fuzz\u0001er")),
                "User-Agent");
        refused(LambdaHttp.postJson("/tickets", ApiFunctionTest.VALID, Map.of("idempotency-key", "key\u0007")),
                "Idempotency-Key");
        refused(LambdaHttp.postJson("/tickets", ApiFunctionTest.VALID, Map.of("x-trace", "a\r\nSet-Cookie: x=1")),
                "x-trace");
        assertEquals(items, storedItems());

        String id = billingTicket();
        LambdaHttp.Reply read = LambdaHttp.call("GET", "/tickets/" + id, Map.of("accept", "application/json",
                "authorization", LambdaHttp.bearer("sam"), "referer", "\u0000"), (String) null);
        String body = refused(read, "referer");
        assertTrue(!body.contains("Wrong invoice"), "nothing of the ticket is answered");
        assertEquals("nosniff", read.header("x-content-type-options"));
    }

    @Test
    void aNullOrBlankStatusIsA400LikeAMissingOne() {
        String id = billingTicket();
        String before = version(id);
        for (String body : List.of("{\"status\":null}", "{\"status\":\" \"}", "{\"status\":\"\"}", "{}",
                "{\"status\":\"open\\u0000\"}")) {
            refused(LambdaHttp.post("/tickets/" + id + "/status", "alice", body, Map.of()), "status");
        }
        assertEquals(before, version(id));
    }

    @Test
    void anEscalationWithANullOrBlankKindOrReasonIsA400() {
        String id = billingTicket();
        String before = version(id);
        String path = "/tickets/" + id + "/escalations";
        for (String kind : List.of("null", "\"\"", "\"  \"")) {
            refused(LambdaHttp.post(path, "sam", "{\"kind\":" + kind + ",\"reason\":\"limited-knowledge\",\"tier\":2}",
                    Map.of()), "kind");
        }
        for (String reason : List.of("null", "\"\"", "\"  \"")) {
            refused(LambdaHttp.post(path, "sam", "{\"kind\":\"hierarchical\",\"reason\":" + reason
                    + ",\"to\":\"supervisor\"}", Map.of()), "reason");
        }
        assertEquals(before, version(id));
        assertEquals(0, LambdaHttp.get("/tickets/" + id, "sam").json().get("escalations").size());
    }

    @Test
    void aTransferOrEscalationToATeamThatDoesNotExistIsA400() {
        String id = billingTicket();
        String before = version(id);
        String problem = refused(LambdaHttp.post("/tickets/" + id + "/transfer", "sam",
                "{\"team\":\"nowhere\",\"reason\":\"try it\"}", Map.of()), "team");
        assertTrue(problem.contains("platform-engineering"), "the problem lists the teams there are: " + problem);
        refused(LambdaHttp.post("/tickets/" + id + "/escalations", "sam",
                "{\"kind\":\"functional\",\"reason\":\"limited-knowledge\",\"team\":\"nowhere\"}", Map.of()), "team");
        assertEquals(before, version(id));

        JsonNode moved = LambdaHttp.post("/tickets/" + id + "/transfer", "sam",
                "{\"team\":\"platform-engineering\",\"reason\":\"their database\"}", Map.of()).json();
        assertEquals("platform-engineering", moved.get("team").asText(), "a team of the policy document is fine");
    }

    @Test
    void aKeyGivenTwiceIsA400NamingTheKey() {
        int items = storedItems();
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"a","subject":"b","description":"d",
                 "requester":{"name":"Ann","email":"ann@example.com"}}""", Map.of()), "subject");
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"a","description":"d",
                 "requester":{"name":"Ann","email":"ann@example.com","name":"Bob"}}""", Map.of()), "requester.name");
        assertEquals(items, storedItems());

        String id = billingTicket();
        String before = version(id);
        refused(LambdaHttp.post("/tickets/" + id + "/status", "alice",
                "{\"status\":\"pending\",\"status\":\"solved\"}", Map.of()), "status");
        assertEquals(before, version(id));
    }

    @Test
    void aLineBreakOrControlCharacterInASingleLineFieldIsA400() {
        int items = storedItems();
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"Help","description":"Line one\\r\\nline two is fine here",
                 "requester":{"name":"Eve\\r\\nBcc: all@example.com","email":"eve@example.com"}}""", Map.of()),
                "requester.name");
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"Help\\nBcc: all@example.com","description":"d",
                 "requester":{"name":"Eve","email":"eve@example.com"}}""", Map.of()), "subject");
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"Help","description":"d","category":"billing\\u0085",
                 "requester":{"name":"Eve","email":"e\\u0001ve@example.com"}}""", Map.of()), "requester.email");
        refused(LambdaHttp.postJson("/tickets", """
                {"subject":"Help","description":"a\\u0000b",
                 "requester":{"name":"Eve","email":"eve@example.com"}}""", Map.of()), "description");
        assertEquals(items, storedItems());
    }

    @Test
    void aBodyThatIsNotUtf8IsA400() {
        int items = storedItems();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"subject\":\"caf".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3);
        body.write(0x28);
        body.writeBytes("\",\"description\":\"d\",\"requester\":{\"name\":\"Eve\",\"email\":\"eve@example.com\"}}"
                .getBytes(StandardCharsets.UTF_8));
        LambdaHttp.Reply reply = LambdaHttp.callWithBytes("POST", "/tickets",
                Map.of("content-type", "application/json", "accept", "application/json"), body.toByteArray());
        String problem = refused(reply, "$");
        assertTrue(problem.contains("not valid UTF-8"), problem);

        // the same bytes percent-encoded in a form post
        LambdaHttp.Reply form = LambdaHttp.call("POST", "/tickets", Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "application/json"),
                "subject=caf%C3%28&description=d&requester.name=Eve&requester.email=eve%40example.com");
        assertTrue(refused(form, "$").contains("not valid UTF-8"), form.body());
        assertEquals(items, storedItems());

        // a browser's form post (it prefers HTML) is answered with the page flow
        LambdaHttp.Reply fine = LambdaHttp.call("POST", "/tickets", Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "text/html"),
                "subject=caf%C3%A9+cr%C3%A8me&description=naïve&requester.name=Eve&requester.email=eve%40example.com");
        assertEquals(303, fine.status(), fine.body());
        String id = fine.header("location").replaceAll(".*/status/([0-9A-Z]{26}).*", "$1");
        JsonNode stored = LambdaHttp.get("/tickets/" + id, "ada").json();
        assertEquals("café crème", stored.get("subject").asText(), "escaped UTF-8 decodes");
        assertEquals("naïve", stored.get("description").asText(), "raw UTF-8 in a form body too");
    }

    /**
     * {@code curl -X POST} without {@code -d} sends neither a body nor a Content-Type: an action whose fields are all
     * optional runs as with {@code {}}, one with required fields is refused naming them, never a 404.
     */
    @Test
    void aPostWithoutABodyIsReadAsAnEmptyObject() {
        String id = billingTicket();
        Map<String, String> bare = Map.of("authorization", LambdaHttp.bearer("sam"));
        LambdaHttp.Reply acknowledged = LambdaHttp.call("POST", "/tickets/" + id + "/acknowledgement", bare, null);
        assertEquals(409, acknowledged.status(), acknowledged.body());
        assertTrue(acknowledged.body().contains("no escalation"), acknowledged.body());
        String before = version(id);
        refused(LambdaHttp.call("POST", "/tickets/" + id + "/status", bare, null), "status");
        refused(LambdaHttp.call("POST", "/tickets/" + id + "/status", Map.of("authorization",
                LambdaHttp.bearer("sam"), "content-type", "application/json"), ""), "status");
        assertEquals(before, version(id), "nothing stored");
    }
}
