package io.tierline.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP response that API Gateway builds from a function's payload 2.0 result.
 *
 * @param headers in order; a name may repeat (Set-Cookie)
 */
record ApiGatewayV2Response(int statusCode, List<Map.Entry<String, String>> headers, byte[] body) {

    /** Framing headers belong to the local HTTP server, not to the function. */
    private static final Set<String> IGNORED_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    static ApiGatewayV2Response internalServerError() {
        return json(500, "{\"message\":\"Internal Server Error\"}");
    }

    static ApiGatewayV2Response notFound() {
        return json(404, "{\"message\":\"Not Found\"}");
    }

    static ApiGatewayV2Response payloadTooLarge() {
        return json(413, "{\"message\":\"Request Entity Too Large\"}");
    }

    static ApiGatewayV2Response serviceUnavailable() {
        return json(503, "{\"message\":\"Service Unavailable\"}");
    }

    private static ApiGatewayV2Response json(int status, String body) {
        return new ApiGatewayV2Response(status, List.of(Map.entry("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A function error becomes 500. A JSON object with statusCode is a structured response; any other valid JSON
     * is sent as a 200 application/json body, as API Gateway infers for format 2.0.
     */
    static ApiGatewayV2Response from(InvocationResult result) {
        if (result.isError()) {
            return internalServerError();
        }
        JsonNode output;
        try {
            output = Json.read(result.payload());
        } catch (IllegalArgumentException e) {
            return internalServerError();
        }
        if (output == null || output.isMissingNode()) {
            return internalServerError();
        }
        if (!output.isObject() || !output.has("statusCode")) {
            return new ApiGatewayV2Response(200, List.of(Map.entry("Content-Type", "application/json")), result.payload());
        }
        return structured(output);
    }

    private static ApiGatewayV2Response structured(JsonNode output) {
        int status;
        try {
            status = Integer.parseInt(output.get("statusCode").asText().trim());
        } catch (NumberFormatException e) {
            return internalServerError();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        output.path("headers").fields().forEachRemaining(h -> addHeader(headers, h.getKey(), h.getValue().asText()));
        output.path("multiValueHeaders").fields().forEachRemaining(h -> {
            if (!output.path("headers").has(h.getKey())) {
                h.getValue().forEach(value -> addHeader(headers, h.getKey(), value.asText()));
            }
        });
        output.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        JsonNode body = output.get("body");
        byte[] bytes;
        if (body == null || body.isNull()) {
            bytes = new byte[0];
        } else if (output.path("isBase64Encoded").asBoolean(false)) {
            bytes = Base64.getDecoder().decode(body.asText());
        } else {
            bytes = (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        }
        return new ApiGatewayV2Response(status, headers, bytes);
    }

    private static void addHeader(List<Map.Entry<String, String>> headers, String name, String value) {
        if (!IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            headers.add(Map.entry(name, value));
        }
    }
}
