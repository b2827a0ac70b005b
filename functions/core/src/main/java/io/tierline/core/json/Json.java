package io.tierline.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tierline.core.validation.InvalidInputException;

/**
 * The one JSON configuration of the domain's messages and documents: ISO-8601 instants, sorted keys. A key given
 * twice in one object is refused: which value would win is up to the parser, so the request is ambiguous.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** How jackson-core words a duplicate (it has no exception type of its own for it). */
    private static final String DUPLICATE = "Duplicate field ";

    private Json() {
    }

    /** Parses untrusted text; a syntax error becomes a 400-style problem that says where it is. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("$", "body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** A syntax error or a key given twice, as the problem that says where. */
    public static InvalidInputException invalid(JsonProcessingException e) {
        if (e.getOriginalMessage().startsWith(DUPLICATE) && e.getProcessor() instanceof JsonParser parser) {
            return new InvalidInputException(path(parser.getParsingContext().pathAsPointer()),
                    "is given more than once");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new InvalidInputException("$", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }

    /** A JSON pointer ("/requester/name", "/tags/0") as the field paths problems use ("requester.name", "tags[0]"). */
    public static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
