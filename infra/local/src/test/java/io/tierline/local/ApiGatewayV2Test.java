package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload format 2.0 event API Gateway sends, and how it reads the function's answer. */
class ApiGatewayV2Test {

    private static final Instant TIME = Instant.parse("2024-03-12T19:03:58.390Z");

    private static JsonNode event(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        HttpRoutes.Match<String> route = new HttpRoutes<String>().add("ANY /tickets/{id}", "f")
                .match(method, rawPath).orElseThrow();
        return ApiGatewayV2Event.build(new HttpApiRequest(new HttpApiRequest.Target(method, rawPath, rawQuery), headers,
                body, HttpApiRequest.Peer.loopback(TIME)), route, "request-1");
    }

    @Test
    void buildsThePayload20Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("Accept", List.of("text/html", "application/json"));
        headers.put("Cookie", List.of("a=1; b=2"));
        headers.put("User-agent", List.of("curl/8"));
        headers.put("Content-type", List.of("application/json; charset=utf-8"));
        JsonNode event = event("PUT", "/tickets/T%201", "q=x&q=y&flag", headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals("2.0", event.path("version").asText());
        assertEquals("ANY /tickets/{id}", event.path("routeKey").asText());
        assertEquals("/tickets/T%201", event.path("rawPath").asText());
        assertEquals("q=x&q=y&flag", event.path("rawQueryString").asText());
        assertEquals("[\"a=1\",\"b=2\"]", event.path("cookies").toString());
        assertEquals("text/html,application/json", event.path("headers").path("accept").asText());
        assertFalse(event.path("headers").has("cookie"));
        assertEquals("127.0.0.1", event.path("headers").path("x-forwarded-for").asText());
        assertEquals("3000", event.path("headers").path("x-forwarded-port").asText());
        assertEquals("x,y", event.path("queryStringParameters").path("q").asText());
        assertEquals("", event.path("queryStringParameters").path("flag").asText());
        assertEquals("T 1", event.path("pathParameters").path("id").asText());
        assertEquals("{\"a\":1}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());

        JsonNode context = event.path("requestContext");
        assertEquals("000000000000", context.path("accountId").asText());
        assertEquals("local", context.path("apiId").asText());
        assertEquals("127.0.0.1:3000", context.path("domainName").asText());
        assertEquals("PUT", context.path("http").path("method").asText());
        assertEquals("/tickets/T%201", context.path("http").path("path").asText());
        assertEquals("HTTP/1.1", context.path("http").path("protocol").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("curl/8", context.path("http").path("userAgent").asText());
        assertEquals("request-1", context.path("requestId").asText());
        assertEquals("ANY /tickets/{id}", context.path("routeKey").asText());
        assertEquals("$default", context.path("stage").asText());
        assertEquals("12/Mar/2024:19:03:58 +0000", context.path("time").asText());
        assertEquals(TIME.toEpochMilli(), context.path("timeEpoch").asLong());
    }

    @Test
    void leavesOutWhatTheRequestDoesNotHave() {
        JsonNode event = event("GET", "/tickets/1", null, Map.of(), new byte[0]);
        assertEquals("", event.path("rawQueryString").asText());
        assertFalse(event.has("queryStringParameters"));
        assertFalse(event.has("cookies"));
        assertFalse(event.has("body"));
        assertFalse(event.path("isBase64Encoded").asBoolean());
    }

    @Test
    void aTextBodyThatIsNotUtf8GoesAsItsBytes() {
        byte[] bad = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        JsonNode event = event("POST", "/tickets/1", null, Map.of("Content-Type", List.of("application/json")), bad);
        assertTrue(event.path("isBase64Encoded").asBoolean(), "a lenient decode would hide the bad byte");
        assertEquals(Base64.getEncoder().encodeToString(bad), event.path("body").asText());
    }

    @Test
    void encodesBinaryBodiesAsBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        JsonNode event = event("POST", "/tickets/1", null, Map.of("Content-Type", List.of("image/png")), png);
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(png), event.path("body").asText());
        for (String text : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/javascript", "application/problem+json")) {
            assertTrue(ApiGatewayV2Event.isText(text), text);
        }
    }

    @Test
    void mapsAStructuredResponse() {
        ApiGatewayV2Response response = ApiGatewayV2Response.from(InvocationResult.success(("{\"statusCode\":201,"
                + "\"headers\":{\"content-type\":\"text/plain\",\"content-length\":\"99\"},"
                + "\"multiValueHeaders\":{\"x-many\":[\"1\",\"2\"]},\"cookies\":[\"a=1\",\"b=2; Secure\"],"
                + "\"body\":\"aGk=\",\"isBase64Encoded\":true}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, response.statusCode());
        assertEquals(List.of(Map.entry("content-type", "text/plain"), Map.entry("x-many", "1"), Map.entry("x-many", "2"),
                Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2; Secure")), response.headers());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void infersA200ForJsonWithoutStatusCodeAndA500ForErrors() {
        ApiGatewayV2Response inferred = ApiGatewayV2Response.from(InvocationResult.success("{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, inferred.statusCode());
        assertEquals("{\"ok\":true}", new String(inferred.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Map.entry("Content-Type", "application/json")), inferred.headers());

        ApiGatewayV2Response error = ApiGatewayV2Response.from(InvocationResult.failure("java.lang.RuntimeException",
                "{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(500, error.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", new String(error.body(), StandardCharsets.UTF_8));
        assertEquals(500, ApiGatewayV2Response.from(InvocationResult.success("not json".getBytes(StandardCharsets.UTF_8)))
                .statusCode());
    }
}
