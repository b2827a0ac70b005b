package io.tierline.api;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.local.LambdaEvents;
import io.tierline.local.testing.LocalAwsTestResource;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invokes the api function the way API Gateway does: the local runner's payload-format 2.0 event, posted to the
 * Quarkus Lambda mock event server, and the reply read back as API Gateway would.
 */
final class LambdaHttp {
    record Reply(int status, LambdaEvents.HttpReply http, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return http.header(name);
        }
    }

    private LambdaHttp() {
    }

    static Reply call(String method, String path, Map<String, String> headers, String body) {
        return callWithBytes(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same with the body's bytes as the client sent them (which need not be valid UTF-8). */
    static Reply callWithBytes(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, String> withHost = new HashMap<>(headers);
        withHost.putIfAbsent("host", "abc123.execute-api.us-east-1.amazonaws.com");
        String event = LambdaEvents.httpApiEvent(method, path, withHost, body);
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        byte[] raw = given().baseUri("http://localhost:" + port).contentType("application/json").body(event)
                .post("/_lambda_").then().statusCode(200).extract().asByteArray();
        LambdaEvents.HttpReply reply = LambdaEvents.httpApiReply(raw);
        return new Reply(reply.status(), reply, new String(reply.body(), StandardCharsets.UTF_8));
    }

    static Reply postJson(String path, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        headers.putIfAbsent("accept", "application/json");
        return call("POST", path, headers, json);
    }

    static Reply get(String path) {
        return call("GET", path, Map.of("accept", "application/json, text/html"), null);
    }

    /** A GET as the named demo user (see infra/local's demo-users.json). */
    static Reply get(String path, String user) {
        return call("GET", path, Map.of("accept", "application/json", "authorization", bearer(user)), null);
    }

    /** A JSON POST as the named demo user, with extra headers (If-Match, Idempotency-Key). */
    static Reply post(String path, String user, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("authorization", bearer(user));
        return postJson(path, json, headers);
    }

    static String bearer(String user) {
        return "Bearer " + LocalAwsTestResource.localAws().identity().accessToken("AgentUserPool", user);
    }
}
