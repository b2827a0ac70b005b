package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.json.Json;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The api function driven with API Gateway HTTP API events, against DynamoDB Local and ElasticMQ. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class ApiFunctionTest {
    static final String VALID = """
            {"subject":"Cannot export invoices","description":"The export button does nothing.",
             "impact":"medium","urgency":"high",
             "requester":{"name":"Ada Lovelace","email":"ada@example.com","customerId":"cust-7","plan":"pro"}}""";

    @Inject
    DynamoDbClient dynamo;
    @Inject
    SqsClient sqs;
    @ConfigProperty(name = "tierline.table")
    String table;
    @ConfigProperty(name = "tierline.queue.triage")
    String triageQueue;

    @BeforeEach
    void emptyTriageQueue() {
        sqs.purgeQueue(b -> b.queueUrl(triageQueue));
    }

    int storedItems() {
        return dynamo.scan(b -> b.tableName(table).select("COUNT")).count();
    }

    List<Message> triageMessages() {
        return sqs.receiveMessage(b -> b.queueUrl(triageQueue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    void jsonPostCreatesATicketAndQueuesItForTriage() {
        LambdaHttp.Reply created = LambdaHttp.postJson("/tickets", VALID, Map.of());
        assertEquals(201, created.status(), created.body());
        JsonNode ticket = created.json();
        String id = ticket.get("id").asText();
        assertEquals("/tickets/" + id, java.net.URI.create(created.header("location")).getPath());
        assertEquals("new", ticket.get("status").asText());
        assertEquals("api", ticket.get("channel").asText());
        assertEquals(TestClock.CLOCK.instant().toString(), ticket.get("createdAt").asText());

        List<Message> messages = triageMessages();
        assertEquals(1, messages.size());
        JsonNode message = Json.parse(messages.get(0).body());
        assertEquals("TicketCreated", message.get("type").asText());
        assertEquals(id, message.get("ticketId").asText());

        assertTrue(ticket.get("accessToken").asText().length() >= 43, "a 256-bit customer token");
        assertEquals("/status/" + id + "?token=" + ticket.get("accessToken").asText(), ticket.get("statusUrl").asText());
        LambdaHttp.Reply read = LambdaHttp.get("/tickets/" + id, "ada");
        assertEquals(200, read.status());
        JsonNode full = read.json();
        assertEquals("Cannot export invoices", full.get("subject").asText());
        assertEquals("ada@example.com", full.at("/requester/email").asText());
        assertEquals(1, full.get("events").size());
        assertEquals("created", full.at("/events/0/type").asText());
        assertEquals("customer:ada@example.com", full.at("/events/0/actor").asText());
    }

    @Test
    void formPostRedirectsToTheStatusPageWithTheReference() {
        String body = form(Map.of("subject", "Printer <b>jammed</b>", "description", "Paper everywhere",
                "requester.name", "Bob", "requester.email", "bob@example.com", "urgency", "low"));
        LambdaHttp.Reply reply = LambdaHttp.call("POST", "/tickets", Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "text/html"), body);
        assertEquals(303, reply.status(), reply.body());
        java.net.URI redirect = java.net.URI.create(reply.header("location"));
        String location = redirect.getRawPath() + "?" + redirect.getRawQuery();
        assertTrue(location.matches("/status/[0-9A-Z]{26}\\?token=[A-Za-z0-9_-]{43}&new=1"), location);
        String id = location.replaceAll("/status/([0-9A-Z]{26}).*", "$1");

        LambdaHttp.Reply page = LambdaHttp.get(location);
        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"));
        assertTrue(page.body().contains(id), "the page shows the reference");
        assertTrue(page.body().contains("Printer &lt;b&gt;jammed&lt;/b&gt;"), "ticket text is escaped");
        assertFalse(page.body().contains("<b>jammed"));
        assertTrue(page.header("content-security-policy").contains("default-src 'self'"));
        assertTrue(page.body().contains("Thank you"));
        assertEquals("web", LambdaHttp.get("/tickets/" + id, "ada").json().get("channel").asText());
        assertEquals(404, LambdaHttp.get("/status/" + id + "?token=wrong").status(), "a wrong token finds nothing");
    }

    @Test
    void aDoubleSubmittedFormCreatesOneTicket() {
        String body = form(Map.of("idempotencyKey", "form-abc123", "subject", "Double click", "description", "d",
                "requester.name", "Cy", "requester.email", "cy@example.com"));
        Map<String, String> headers = Map.of("content-type", "application/x-www-form-urlencoded");
        String first = LambdaHttp.call("POST", "/tickets", headers, body).header("location");
        int items = storedItems();
        String second = LambdaHttp.call("POST", "/tickets", headers, body).header("location");
        assertEquals(first, second);
        assertEquals(items, storedItems());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameTicketAndADifferentBodyConflicts() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
        LambdaHttp.Reply first = LambdaHttp.postJson("/tickets", VALID, key);
        int items = storedItems();
        LambdaHttp.Reply again = LambdaHttp.postJson("/tickets", VALID, key);
        assertEquals(201, again.status());
        assertEquals("true", again.header("idempotent-replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(items, storedItems());

        LambdaHttp.Reply conflict = LambdaHttp.postJson("/tickets", VALID.replace("Cannot export", "Cannot import"), key);
        assertEquals(409, conflict.status());
        assertEquals("application/problem+json", conflict.header("content-type"));
        assertTrue(conflict.json().get("detail").asText().contains("different request"));
        assertEquals(items, storedItems());
    }

    @Test
    void malformedJsonIsA400ThatSaysWhereAndStoresNothing() {
        int items = storedItems();
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets", "{\"subject\": \"x\",", Map.of());
        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.header("content-type"));
        JsonNode error = reply.json().at("/errors/0");
        assertEquals("$", error.get("field").asText());
        assertTrue(error.get("problem").asText().startsWith("malformed JSON at line 1"), error.toString());
        assertEquals(items, storedItems());
        assertEquals(List.of(), triageMessages());
    }

    @Test
    void missingAndInvalidFieldsAreNamed() {
        int items = storedItems();
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets",
                "{\"subject\":\"s\",\"requester\":{\"name\":\"n\",\"email\":\"nope\"}}", Map.of());
        assertEquals(400, reply.status());
        JsonNode errors = reply.json().get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("description", errors.at("/0/field").asText());
        assertEquals("is required", errors.at("/0/problem").asText());
        assertEquals("requester.email", errors.at("/1/field").asText());
        assertEquals(items, storedItems());
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = VALID.replace("The export button does nothing.", "x".repeat(70_000));
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets", huge, Map.of());
        assertEquals(413, reply.status());
        assertEquals("application/problem+json", reply.header("content-type"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        LambdaHttp.Reply reply = LambdaHttp.call("POST", "/tickets", Map.of("content-type", "text/plain"), "hello");
        assertEquals(415, reply.status());
        assertTrue(reply.json().get("detail").asText().contains("text/plain"));
    }

    @Test
    void unknownTicketsAre404ProblemDocuments() {
        LambdaHttp.Reply missing = LambdaHttp.get("/tickets/01HZZZZZZZZZZZZZZZZZZZZZZZ", "ada");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.header("content-type"));
        assertEquals(404, LambdaHttp.get("/tickets/not-an-id", "ada").status());
    }

    @Test
    void aBrowserSeesTheFormAgainWithErrorsBesideTheFields() {
        String body = form(Map.of("subject", "<script>alert(1)</script>", "description", "",
                "requester.name", "Dee", "requester.email", "dee@"));
        LambdaHttp.Reply reply = LambdaHttp.call("POST", "/tickets", Map.of("content-type",
                "application/x-www-form-urlencoded", "accept", "text/html,application/xhtml+xml"), body);
        assertEquals(400, reply.status());
        assertTrue(reply.header("content-type").startsWith("text/html"));
        String html = reply.body();
        assertTrue(html.contains("id=\"requester-email-error\""), "error tied to the email field");
        assertTrue(html.contains("must be a valid email address"));
        assertTrue(html.contains("id=\"description-error\""));
        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), "input kept, escaped");
        assertFalse(html.contains("<script>"));
    }

    @Test
    void theRootServesThePlainSupportForm() {
        LambdaHttp.Reply page = LambdaHttp.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/tickets\""));
        assertTrue(page.body().contains("name=\"idempotencyKey\""));
        assertNotNull(page.header("x-content-type-options"));
        assertNull(page.header("set-cookie"));
    }
}
