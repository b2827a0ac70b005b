package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tierline.core.request.AgentActions;
import io.tierline.core.request.CustomerActions;
import io.tierline.core.validation.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Jackson's and Bean Validation's own exceptions, should one reach the REST layer, answer the same 400 problem as
 * {@link io.tierline.core.request.RequestBinder}'s: each error names the field's path and the problem.
 */
class ProblemMappersTest {
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ProblemMappers mappers = new ProblemMappers();

    private static List<FieldError> errors(Response response) {
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(response.getMediaType()));
        return ((Problem) response.getEntity()).errors();
    }

    @Test
    void jacksonsMappingProblemsNameTheField() {
        JsonMappingException unknown = assertThrows(JsonMappingException.class,
                () -> PLAIN.readValue("{\"body\":\"hi\",\"colour\":\"red\"}", AgentActions.Reply.class));
        assertEquals(List.of(new FieldError("colour", "is not a known field")), errors(mappers.unbound(unknown)));
        JsonMappingException wrongType = assertThrows(JsonMappingException.class,
                () -> PLAIN.readValue("{\"rating\":\"four\"}", CustomerActions.Rating.class));
        assertEquals(List.of(new FieldError("rating", "must be a whole number")), errors(mappers.unbound(wrongType)));
        JsonMappingException notAnObject = assertThrows(JsonMappingException.class,
                () -> PLAIN.readValue("{\"body\":[1]}", AgentActions.Reply.class));
        assertEquals(List.of(new FieldError("body", "must be a string")), errors(mappers.unbound(notAnObject)));
    }

    @Test
    void aKeyGivenTwiceAndMalformedJsonSayWhere() {
        JsonParseException twice = assertThrows(JsonParseException.class,
                () -> PLAIN.readTree("{\"requester\":{\"name\":\"a\",\"name\":\"b\"}}"));
        assertEquals(List.of(new FieldError("requester.name", "is given more than once")),
                errors(mappers.malformed(twice)));
        JsonParseException malformed = assertThrows(JsonParseException.class, () -> PLAIN.readTree("{\"a\": }"));
        FieldError error = errors(mappers.malformed(malformed)).get(0);
        assertEquals("$", error.field());
        assertEquals(true, error.problem().startsWith("malformed JSON at line 1, column 7"), error.problem());
    }

    @Test
    void constraintViolationsNameTheirFields() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        var violations = validator.validate(new AgentActions.Reopening(" "));
        assertEquals(List.of(new FieldError("reason", "must not be blank")),
                errors(mappers.violated(new ConstraintViolationException(violations))));
        var rating = validator.validate(new CustomerActions.Rating(9, "x\u0000"));
        assertEquals(List.of(new FieldError("comment", "must not contain control characters but tab and line breaks"),
                new FieldError("rating", "must be a whole number from 1 to 5")),
                errors(mappers.violated(new ConstraintViolationException(rating))));
    }

    /** As JAX-RS chooses a mapper: the closest type; a 405 keeps its Allow header; what no mapper names is a 500. */
    @Test
    void everyFailureGoesToTheMapperOfItsClosestType() {
        Response conflict = mappers.toResponse(new io.tierline.core.work.VersionConflictException(
                io.tierline.core.ticket.TicketId.next(java.time.Clock.systemUTC()), 7));
        assertEquals(409, conflict.getStatus());
        assertEquals("\"7\"", conflict.getHeaderString("ETag"));
        Response notAllowed = mappers.toResponse(new jakarta.ws.rs.NotAllowedException("POST"));
        assertEquals(405, notAllowed.getStatus());
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(notAllowed.getMediaType()));
        assertEquals("POST", notAllowed.getHeaderString("Allow"));
        assertEquals(500, mappers.toResponse(new IllegalArgumentException("bug")).getStatus());
        assertEquals(500, mappers.toResponse(new java.io.IOException("checked")).getStatus());
        assertEquals(400, mappers.toResponse(new io.tierline.core.validation.InvalidInputException("f", "bad"))
                .getStatus());
    }
}
