package io.tierline.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The events the local runner sends and the replies it reads, for function tests that drive a function without
 * the runner (e.g. through the Quarkus Lambda mock event server): the same code builds them in both places.
 */
public final class LambdaEvents {

    private static volatile HttpRoutes<String> projectRoutes;

    private LambdaEvents() {
    }

    /** An HTTP response as API Gateway makes it from a function's reply. */
    public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        /** The first value of a header (name in any case), or null. */
        public String header(String name) {
            return headerValues(name).stream().findFirst().orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * The payload 2.0 event for a request, routed by the HttpApi routes of the project's template.yaml.
     *
     * @param pathAndQuery e.g. {@code /tickets?status=open} (URL-encoded as on the wire)
     * @param headers      request headers, any case
     * @param body         null for none
     * @throws IllegalArgumentException if no route matches: API Gateway would answer 404 without calling a function
     */
    public static String httpApiEvent(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        int question = pathAndQuery.indexOf('?');
        String rawPath = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
        HttpRoutes.Match<String> route = projectRoutes().match(method, rawPath).orElseThrow(() -> new IllegalArgumentException(
                "No HttpApi route of template.yaml matches " + method + " " + rawPath
                        + ": API Gateway would answer 404 without invoking a function"));
        Map<String, List<String>> headerLists = headers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        HttpApiRequest request = new HttpApiRequest(new HttpApiRequest.Target(method, rawPath, rawQuery), headerLists,
                body == null ? new byte[0] : body, HttpApiRequest.Peer.loopback(Instant.now()));
        return Json.write(ApiGatewayV2Event.build(request, route, UUID.randomUUID().toString()));
    }

    /** What API Gateway answers for a function's raw reply (a function error is not a reply: that is a 500). */
    public static HttpReply httpApiReply(byte[] functionReply) {
        ApiGatewayV2Response response = ApiGatewayV2Response.from(InvocationResult.success(functionReply));
        return new HttpReply(response.statusCode(), response.headers(), response.body());
    }

    /** The SQS event Lambda sends for received messages (receive them with all system and message attributes). */
    public static String sqsEvent(List<Message> messages, String queueArn) {
        return Json.write(SqsEventPayload.build(messages, queueArn));
    }

    private static HttpRoutes<String> projectRoutes() {
        HttpRoutes<String> routes = projectRoutes;
        if (routes == null) {
            HttpRoutes<String> loaded = new HttpRoutes<>();
            SamTemplate template = SamTemplate.load(ProjectRoot.templateFile());
            template.functions().values().forEach(function -> function.events(FunctionEvent.HttpApi.class)
                    .forEach(event -> loaded.add(event.routeKey(), function.logicalId())));
            projectRoutes = routes = loaded;
        }
        return routes;
    }
}
