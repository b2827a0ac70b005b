package io.tierline.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the API Gateway HTTP API payload format 2.0 event for a request and the route it matched. */
final class ApiGatewayV2Event {

    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_TYPE_MARKERS =
            List.of("json", "x-www-form-urlencoded", "xml", "javascript");

    private ApiGatewayV2Event() {
    }

    static ObjectNode build(HttpApiRequest request, HttpRoutes.Match<?> route, String requestId) {
        Map<String, String> headers = joinedLowerCaseHeaders(request.headers());
        String cookieHeader = headers.remove("cookie");
        String host = headers.getOrDefault("host", "localhost");
        headers.putIfAbsent("x-forwarded-for", request.peer().sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", host.contains(":") ? host.substring(host.lastIndexOf(':') + 1) : "80");

        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.target().rawPath());
        event.put("rawQueryString", request.target().rawQuery() == null ? "" : request.target().rawQuery());
        if (cookieHeader != null) {
            ArrayNode cookies = event.putArray("cookies");
            for (String cookie : cookieHeader.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        if (request.target().rawQuery() != null && !request.target().rawQuery().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            queryParameters(request.target().rawQuery()).forEach(query::put);
        }
        if (!route.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            route.pathParameters().forEach(parameters::put);
        }
        requestContext(event.putObject("requestContext"), request, route, requestId, host, headers);
        boolean hasBody = request.body() != null && request.body().length > 0;
        // Text goes as text only when it decodes: a lenient decode would replace bad bytes with U+FFFD and hide from
        // the function that the client sent invalid UTF-8; in base64 the function sees the bytes as sent.
        boolean text = isText(headers.get("content-type")) && hasBody && isUtf8(request.body());
        if (hasBody) {
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
        }
        event.put("isBase64Encoded", hasBody && !text);
        return event;
    }

    private static void requestContext(ObjectNode context, HttpApiRequest request, HttpRoutes.Match<?> route,
                                       String requestId, String host, Map<String, String> headers) {
        String domain = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        context.put("accountId", LocalAccount.ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", host);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", request.target().method());
        http.put("path", request.target().rawPath());
        http.put("protocol", request.peer().protocol());
        http.put("sourceIp", request.peer().sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(request.peer().time()));
        context.put("timeEpoch", request.peer().time().toEpochMilli());
    }

    /** API Gateway lower-cases header names and joins repeated headers with commas. */
    private static Map<String, String> joinedLowerCaseHeaders(Map<String, List<String>> headers) {
        Map<String, String> joined = new TreeMap<>();
        headers.forEach((name, values) -> joined.merge(name.toLowerCase(Locale.ROOT), String.join(",", values),
                (a, b) -> a + "," + b));
        return joined;
    }

    /** Repeated parameters are joined with commas, as in the 2.0 format. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPE_MARKERS.stream().anyMatch(type::contains);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
