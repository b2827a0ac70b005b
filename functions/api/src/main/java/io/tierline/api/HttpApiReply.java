package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The function's answer in API Gateway's payload format 2.0: one value per header (repeated ones joined by commas,
 * as the format asks), Set-Cookie values apart, a text body as text and anything else base64-encoded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpApiReply(int statusCode, Map<String, String> headers, List<String> cookies, String body,
                           @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
}
