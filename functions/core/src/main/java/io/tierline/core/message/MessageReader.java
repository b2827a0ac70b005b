package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tierline.core.json.Json;
import java.util.stream.Collectors;

/**
 * Reads a message from a queue strictly: every field of the message's record is required and non-null unless the
 * record marks it {@code @JsonSetter(nulls = Nulls.SET)}, so a message missing a field fails here, naming it,
 * rather than later in the worker as an error SQS would retry.
 */
final class MessageReader {
    private static final ObjectMapper STRICT = Json.MAPPER.copy()
            .setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));

    private MessageReader() {
    }

    static Message read(String body) {
        if (body == null || body.isBlank()) {
            throw new PoisonMessageException("$", "the body is empty");
        }
        try {
            return STRICT.readValue(body, Message.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof PoisonMessageException poison) {
                throw poison;
            }
            // a value our own types refused (an unknown code): their words, without Jackson's preamble
            throw new PoisonMessageException(path(e), e.getCause() instanceof IllegalArgumentException refused
                    ? refused.getMessage() : e.getOriginalMessage());
        } catch (InvalidNullException e) {
            throw new PoisonMessageException(path(e), "is required");
        } catch (InvalidTypeIdException e) {
            // Jackson's text names the known types
            throw new PoisonMessageException("type", e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new PoisonMessageException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("$", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** "details.kind", "tags[2]"; "$" when Jackson names no field. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }
}
