package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopbackHttpTest {

    /**
     * The latency itself is measured by bin/bench cold-start (warm p50), not here: a timed test on a shared machine
     * would fail for the machine's reasons. This holds the setting in place before the first server is created.
     */
    @Test
    void serversAnswerWithoutWaitingForTheClientsAcknowledgement() throws Exception {
        HttpServer server = LoopbackHttp.start(0, "loopback-test", http -> http.createContext("/", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        try {
            assertEquals("true", System.getProperty(LoopbackHttp.NO_DELAY));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(LoopbackHttp.baseUrl(server) + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("pong", response.body());
        } finally {
            LoopbackHttp.stop(server);
        }
    }
}
