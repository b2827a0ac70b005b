package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP front as a hostile client meets it, over raw sockets (an HTTP client library would refuse to send most of
 * these requests): every refusal comes at once, with API Gateway's status and its JSON {@code {"message": ...}}.
 */
class HttpApiGatewayTest {

    private static final AtomicInteger INVOCATIONS = new AtomicInteger();
    private static HttpApiGateway gateway;

    @BeforeAll
    static void start() {
        Invocable echo = payload -> {
            INVOCATIONS.incrementAndGet();
            String rawPath = Json.read(payload).path("rawPath").asText();
            return CompletableFuture.completedFuture(InvocationResult.success(Json.bytes(Map.of("statusCode", 200,
                    "headers", Map.of("Content-Type", "text/plain"), "body", "reached " + rawPath))));
        };
        gateway = HttpApiGateway.start(0, new HttpRoutes<Invocable>()
                .add("POST /tickets", echo)
                .add("GET /tickets/{id}", echo));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static RawHttp.RawResponse exchange(String request) throws IOException {
        return RawHttp.exchange(gateway.url(), request);
    }

    @Test
    void aRoutedRequestReachesItsFunction() throws IOException {
        RawHttp.RawResponse response = exchange("GET /tickets/T%2F1?format=json HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(200, response.status(), response.body());
        assertEquals("reached /tickets/T%2F1", response.body());
        assertTrue(response.headers().containsKey("apigw-requestid"), response.headers().toString());
    }

    @Test
    void sixHundredHeadersAre431NotADroppedConnection() throws IOException {
        StringBuilder request = new StringBuilder("GET /tickets/1 HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 600; i++) {
            request.append("X-Header-").append(i).append(": value-").append(i).append("\r\n");
        }
        exchange(request.append("\r\n").toString())
                .assertApiGatewayError(431, "Request Header Fields Too Large");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnyOfItIsSent() throws IOException {
        int before = INVOCATIONS.get();
        exchange("POST /tickets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000000000\r\n\r\n")
                .assertApiGatewayError(413, "Request Entity Too Large");
        assertEquals(before, INVOCATIONS.get(), "the function never sees it");
    }

    @Test
    void anUnroutedPathIs404() throws IOException {
        exchange("GET /nothing/here HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                .assertApiGatewayError(404, "Not Found");
    }

    @Test
    void aMethodNoRouteCanNameIs405() throws IOException {
        RawHttp.RawResponse response = exchange("BREW /tickets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        response.assertApiGatewayError(405, "Method Not Allowed");
        assertEquals("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT", response.headers().get("allow"));
    }

    @Test
    void aBadPercentEscapeIs400() throws IOException {
        exchange("GET /tickets/1?format=%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n").assertApiGatewayError(400, "Bad Request");
        exchange("GET /tickets/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .assertApiGatewayError(400, "Bad Request");
    }

    @Test
    void anIllegalHeaderIs400() throws IOException {
        exchange("GET /tickets/1 HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nAccept: text/html\r\n\r\n")
                .assertApiGatewayError(400, "Bad Request");
        exchange("GET /tickets/1 HTTP/1.1\r\nHost: localhost\r\nX-Ctl: a\u0001b\r\nAccept: text/html\r\n\r\n")
                .assertApiGatewayError(400, "Bad Request");
    }
}
