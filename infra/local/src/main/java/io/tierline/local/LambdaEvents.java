package io.tierline.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The event JSON that the local event sources send, and API Gateway's reading of a function's reply, for tests that
 * invoke a function directly (through the Quarkus Lambda mock event server): one builder serves both.
 */
public final class LambdaEvents {

    /** What API Gateway would answer the client, from the function's raw output. */
    public record HttpReply(int status, Map<String, String> headers, byte[] body) {
        /** The first value of a header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private LambdaEvents() {
    }

    /** A payload format 2.0 event on the {@code $default} route. */
    public static String httpApiEvent(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String rawQuery = query < 0 ? null : pathAndQuery.substring(query + 1);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        HttpApiRequest request = new HttpApiRequest(method, path, rawQuery, multi, body, "127.0.0.1", "HTTP/1.1",
                Instant.now());
        HttpRoutes.Match<Object> route = new HttpRoutes.Match<>(FunctionEvent.HttpApi.DEFAULT_ROUTE, null, Map.of());
        return Json.write(ApiGatewayV2Event.build(request, route, UUID.randomUUID().toString()));
    }

    public static HttpReply httpApiReply(byte[] functionOutput) {
        ApiGatewayV2Response response = ApiGatewayV2Response.from(InvocationResult.success(functionOutput));
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return new HttpReply(response.statusCode(), headers, response.body());
    }

    /** An SQS event with these received messages, as the event source mapping sends it. */
    public static String sqsEvent(List<Message> messages, String queueArn) {
        return Json.write(SqsEventPayload.build(messages, queueArn));
    }
}
