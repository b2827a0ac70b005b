package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The façade that function tests use, routed by the real template.yaml. */
class LambdaEventsTest {

    @Test
    void routesHttpEventsByTheProjectTemplate() {
        JsonNode root = Json.read(LambdaEvents.httpApiEvent("GET", "/", Map.of("Host", "abc.example"), null));
        assertEquals("GET /", root.path("routeKey").asText());

        JsonNode tickets = Json.read(LambdaEvents.httpApiEvent("POST", "/tickets/01ABC/replies?draft=1",
                Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("POST /tickets/{id}/{proxy+}", tickets.path("routeKey").asText());
        assertEquals("01ABC", tickets.path("pathParameters").path("id").asText());
        assertEquals("replies", tickets.path("pathParameters").path("proxy").asText());
        assertEquals("1", tickets.path("queryStringParameters").path("draft").asText());
        assertEquals("{}", tickets.path("body").asText());

        assertThrows(IllegalArgumentException.class, () -> LambdaEvents.httpApiEvent("POST", "/", Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> LambdaEvents.httpApiEvent("GET", "/no/such/page", Map.of(),
                null), "API Gateway answers 404 itself for a path no route matches");
    }

    @Test
    void readsRepliesAndBuildsSqsEvents() {
        LambdaEvents.HttpReply reply = LambdaEvents.httpApiReply(("{\"statusCode\":303,\"headers\":{\"Location\":\"/t/1\"},"
                + "\"cookies\":[\"a=1\"]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(303, reply.status());
        assertEquals("/t/1", reply.header("location"));
        assertEquals(List.of("a=1"), reply.headerValues("set-cookie"));

        JsonNode event = Json.read(LambdaEvents.sqsEvent(List.of(Message.builder().messageId("m").body("b").build()),
                "arn:aws:sqs:us-east-1:000000000000:Q"));
        assertEquals("m", event.path("Records").get(0).path("messageId").asText());
    }
}
