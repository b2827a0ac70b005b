package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.request.TicketRequestReader;
import io.tierline.core.json.Json;
import io.tierline.core.request.AgentActions;
import io.tierline.core.request.Origin;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketRequestReaderTest {

    static List<FieldError> errorsOf(String json) {
        return assertThrows(InvalidInputException.class,
                () -> TicketRequestReader.read(Json.parse(json), Channel.API)).errors();
    }

    @Test
    void readsAFullRequestAndTrimsText() {
        TicketDraft d = TicketRequestReader.read(Json.parse("""
                {"subject":"  Printer on fire ","description":"Smoke.","channel":"email","impact":"high",
                 "urgency":"high","category":"hardware","tags":["Facilities","urgent","urgent"],
                 "requester":{"name":"Bob","email":"bob@example.org","customerId":"c-42","plan":"Pro"}}"""),
                Channel.API);
        assertEquals("Printer on fire", d.subject());
        assertEquals(Channel.EMAIL, d.channel());
        assertEquals(Level.HIGH, d.impact());
        assertEquals(List.of("facilities", "urgent"), d.tags());
        assertEquals("pro", d.requester().plan());
    }

    @Test
    void defaultsChannelImpactAndUrgency() {
        TicketDraft d = TicketRequestReader.read(Json.parse("""
                {"subject":"s","description":"d","requester":{"name":"n","email":"n@example.com"}}"""), Channel.WEB);
        assertEquals(Channel.WEB, d.channel());
        assertEquals(Level.LOW, d.impact());
        assertEquals(Level.MEDIUM, d.urgency());
        assertEquals(List.of(), d.tags());
    }

    @Test
    void reportsEveryProblemByFieldPath() {
        List<FieldError> errors = errorsOf("""
                {"subject":"","requester":{"name":"n","email":"not-an-email","shoeSize":44},
                 "urgency":"yesterday","tags":["ok", 7],"colour":"red"}""");
        assertTrue(errors.contains(new FieldError("subject", "must not be blank")), errors.toString());
        assertTrue(errors.contains(new FieldError("description", "is required")), errors.toString());
        assertTrue(errors.contains(new FieldError("requester.email", "must be a valid email address")));
        assertTrue(errors.contains(new FieldError("requester.shoeSize", "is not a known field")));
        assertTrue(errors.contains(new FieldError("colour", "is not a known field")));
        assertTrue(errors.contains(new FieldError("urgency", "must be one of high, medium, low")));
        assertTrue(errors.contains(new FieldError("tags[1]", "must be a non-blank string")));
        assertEquals(7, errors.size(), errors.toString());
    }

    @Test
    void missingRequesterAndWrongTypes() {
        List<FieldError> errors = errorsOf("""
                {"subject":42,"description":"d"}""");
        assertEquals(List.of(new FieldError("subject", "must be a string"), new FieldError("requester", "is required")),
                errors);
        assertEquals(List.of(new FieldError("$", "must be a JSON object")), errorsOf("[1,2]"));
    }

    @Test
    void enforcesLengths() {
        String longSubject = "x".repeat(TicketRequestReader.SUBJECT_MAX + 1);
        List<FieldError> errors = errorsOf("{\"subject\":\"" + longSubject + "\",\"description\":\"d\","
                + "\"requester\":{\"name\":\"n\",\"email\":\"n@example.com\"}}");
        assertEquals(List.of(new FieldError("subject", "must be at most 200 characters")), errors);
    }

    @Test
    void malformedJsonSaysWhere() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Json.parse("{\"subject\": }"));
        assertEquals("$", e.errors().get(0).field());
        assertTrue(e.errors().get(0).problem().startsWith("malformed JSON at line 1, column 13"),
                e.errors().get(0).problem());
        assertThrows(InvalidInputException.class, () -> Json.parse(""));
        assertThrows(InvalidInputException.class, () -> Json.parse("{} {}"));
    }

    @Test
    void singleLineFieldsRefuseLineBreaksAndControlCharactersTheDescriptionOnlyControlCharacters() {
        List<FieldError> errors = errorsOf("""
                {"subject":"Help\\u2028me","description":"one\\r\\ntwo\\tthree\\u0000",
                 "category":"billing\\u0085","tags":["a\\u0007"],
                 "requester":{"name":"Eve\\r\\nBcc: all@example.com","email":"e\\u0001ve@example.com",
                              "customerId":"c\\n1","plan":"pro\\u001b"}}""");
        String oneLine = "must be one line without control characters";
        assertEquals(List.of(new FieldError("subject", oneLine),
                new FieldError("description", "must not contain control characters but tab and line breaks"),
                new FieldError("requester.name", oneLine), new FieldError("requester.email", oneLine),
                new FieldError("requester.customerId", oneLine), new FieldError("requester.plan", oneLine),
                new FieldError("category", oneLine), new FieldError("tags[0]", oneLine)), errors);

        TicketDraft d = TicketRequestReader.read(Json.parse("""
                {"subject":"Help","description":"one\\r\\ntwo\\tthree",
                 "requester":{"name":"Eve\\r\\n","email":"eve@example.com"}}"""), Channel.API);
        assertEquals("one\r\ntwo\tthree", d.description(), "a description keeps its lines");
        assertEquals("Eve", d.requester().name(), "surrounding white space is trimmed, line breaks too");
    }

    @Test
    void aKeyGivenTwiceIsNamedByItsPath() {
        assertEquals(List.of(new FieldError("subject", "is given more than once")),
                errorsOf("{\"subject\":\"a\",\"subject\":\"b\"}"));
        assertEquals(List.of(new FieldError("requester.name", "is given more than once")),
                errorsOf("{\"requester\":{\"name\":\"a\",\"name\":\"b\"}}"));
        assertEquals(List.of(new FieldError("items[1].id", "is given more than once")),
                assertThrows(InvalidInputException.class,
                        () -> Json.parse("{\"items\":[{},{\"id\":1,\"id\":2}]}")).errors());
    }

    @Test
    void aRequiredCodeIsRequiredWhenMissingNullOrBlank() {
        String expected = "is required: one of " + Codes.allowed(Status.class);
        for (String body : List.of("{}", "{\"status\":null}", "{\"status\":\" \"}")) {
            assertEquals(List.of(new FieldError("status", expected)), assertThrows(InvalidInputException.class,
                    () -> RequestBinder.read(Json.parse(body), AgentActions.StatusChange.class, Origin.JSON))
                    .errors(), body);
        }
        assertEquals("open", RequestBinder.read(Json.parse("{\"status\":\"open\"}"),
                AgentActions.StatusChange.class, Origin.JSON).status());
    }
}
