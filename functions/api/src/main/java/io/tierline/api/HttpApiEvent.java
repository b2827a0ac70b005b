package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What API Gateway's HTTP API hands the function: the payload format 2.0 event (template.yaml's routes), with only
 * the fields the routing reads. Header names arrive in lower case, repeated headers joined by commas, cookies apart.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiEvent(String rawPath, String rawQueryString, List<String> cookies, Map<String, String> headers,
                           RequestContext requestContext, String body,
                           @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Http http) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path) {
    }

    String method() {
        return requestContext == null || requestContext.http() == null ? "GET" : requestContext.http().method();
    }

    Map<String, String> headerMap() {
        return headers == null ? Map.of() : headers;
    }

    /** The body's bytes as the client sent them (API Gateway base64-encodes what is not text). */
    byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
