package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.validation.InvalidInputException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a ticket request from JSON or from a plain HTML form into the same JSON shape, so one reader validates both.
 * Form field names are the JSON paths ("requester.email"); tags are comma-separated.
 */
final class RequestBodies {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    /** A form may carry its own idempotency key (a hidden field), so a double-clicked submit creates one ticket. */
    static final String FORM_KEY_FIELD = "idempotencyKey";

    /** What a body said: the ticket JSON, and the idempotency key a form carried, if any. */
    record Parsed(JsonNode json, String formKey, boolean fromForm, String step) {
        Parsed(JsonNode json, String formKey, boolean fromForm) {
            this(json, formKey, fromForm, null);
        }

        /** The support form's first submit asks to check for answers before filing (the button's value). */
        boolean checkFirst() {
            return CHECK_STEP.equals(step);
        }
    }
    /** The support form's submit button that shows suggestions first; the form's other button files at once. */
    static final String STEP_FIELD = "step";
    static final String CHECK_STEP = "check";

    private RequestBodies() {
    }

    static Parsed parse(String contentType, byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new WebApplicationException(Problem.response(413, "Payload Too Large",
                    "The body has " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted."));
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String text = utf8(body == null ? new byte[0] : body);
        if (mediaType.equals(JSON) || mediaType.endsWith("+json")) {
            return new Parsed(Json.parse(text), null, false);
        }
        if (mediaType.equals(FORM)) {
            Map<String, String> fields = formFields(text);
            String key = fields.remove(FORM_KEY_FIELD);
            String step = fields.remove(STEP_FIELD);
            return new Parsed(formToJson(fields), key == null || key.isBlank() ? null : key, true, step);
        }
        throw new WebApplicationException(Problem.response(415, "Unsupported Media Type",
                "Send " + JSON + " or " + FORM + (mediaType.isEmpty() ? "; the request had no Content-Type."
                        : "; the request was " + mediaType + ".")));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("$", "the body is not valid UTF-8");
        }
    }

    private static Map<String, String> formFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
                value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("$", "malformed form encoding: " + e.getMessage());
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new InvalidInputException(name, "is given more than once");
            }
        }
        return fields;
    }

    /**
     * Percent-decodes to bytes first (ISO-8859-1 holds one byte per char), then decodes those as UTF-8 strictly:
     * URLDecoder with UTF-8 would silently turn an invalid escape sequence such as {@code %C3%28} into U+FFFD.
     */
    private static String formDecode(String encoded) {
        String bytes = new String(encoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return utf8(URLDecoder.decode(bytes, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static JsonNode formToJson(Map<String, String> fields) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        fields.forEach((name, value) -> {
            if (value.isBlank()) {
                return; // an empty form field means "not given"
            }
            if (name.equals("tags") || name.equals("articlesSeen")) {
                var tags = root.putArray(name);
                List.of(value.split(",")).stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
            } else if (name.startsWith("requester.")) {
                ObjectNode requester = root.has("requester") ? (ObjectNode) root.get("requester")
                        : root.putObject("requester");
                requester.put(name.substring("requester.".length()), value);
            } else {
                root.put(name, value);
            }
        });
        return root;
    }
}
