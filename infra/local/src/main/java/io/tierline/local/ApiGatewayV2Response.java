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
        return error(500);
    }

    static ApiGatewayV2Response notFound() {
        return error(404);
    }

    static ApiGatewayV2Response payloadTooLarge() {
        return error(413);
    }

    static ApiGatewayV2Response serviceUnavailable() {
        return error(503);
    }

    /** API Gateway's own answer for a status: {@code {"message":"Not Found"}} and the like. */
    static ApiGatewayV2Response error(int status) {
        String message = switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Request Entity Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 400 && status < 500 ? "Bad Request" : "Internal Server Error";
        };
        return new ApiGatewayV2Response(status, List.of(Map.entry("Content-Type", "application/json")),
                Json.bytes(Map.of("message", message)));
    }

    /**
     * A refusal of the HTTP server itself, with its reason when it has one ({@code "Bad Request: Illegal character
     * CNTL=0x1"}), so a client sees what was wrong with what it sent, not only the status.
     */
    static ApiGatewayV2Response refusal(int status, String reason) {
        ApiGatewayV2Response plain = error(status);
        if (reason == null || reason.isBlank() || status >= 500) {
            return plain;
        }
        String message = Json.read(plain.body()).get("message").asText() + ": " + reason.strip();
        return new ApiGatewayV2Response(status, plain.headers(), Json.bytes(Map.of("message", message)));
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
