package io.tierline.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the routes read it, from API Gateway's event: headers by name in any case, the query's
 * parameters decoded, and the address the API is reached at (for absolute links and Location headers).
 */
record IncomingRequest(String method, String rawPath, Map<String, String> headers,
                       Map<String, List<String>> query, byte[] body) {

    static IncomingRequest of(HttpApiEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(event.headerMap());
        if (event.cookies() != null && !event.cookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.cookies()));
        }
        String path = event.rawPath() == null || event.rawPath().isEmpty() ? "/" : event.rawPath();
        return new IncomingRequest(event.method().toUpperCase(Locale.ROOT), path, headers,
                query(event.rawQueryString()), event.bodyBytes());
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The first value of a query parameter, as JAX-RS binds one; null when absent. */
    String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Where this API is reached, ending in "/": the scheme API Gateway saw and the host the client asked for. */
    String baseUri() {
        String scheme = headers.getOrDefault("x-forwarded-proto", "http").split(",")[0].trim();
        return scheme + "://" + headers.getOrDefault("host", "localhost") + "/";
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** A query's encoding: "+" is a space. A broken escape ("%zz") is kept as sent, as the client wrote it. */
    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    /** A path segment's encoding: "+" is a plus sign. */
    static String decodePathSegment(String encoded) {
        return decode(encoded.replace("+", "%2B"));
    }
}
