package io.tierline.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The action bodies bind with Jackson and are checked by Bean Validation, every problem named by its path. */
class RequestBinderTest {

    private static <T> T read(String json, Class<T> type) {
        return RequestBinder.read(Json.parse(json), type, Origin.JSON);
    }

    private static List<FieldError> errorsOf(String json, Class<?> type, Origin origin) {
        return assertThrows(InvalidInputException.class,
                () -> RequestBinder.read(Json.parse(json), type, origin)).errors();
    }

    private static List<FieldError> errorsOf(String json, Class<?> type) {
        return errorsOf(json, type, Origin.JSON);
    }

    @Test
    void aTransferTakesAWholeTierNumberAndNamesTheBodyWhenItNamesNeitherTeamNorTier() {
        assertEquals(2, read("{\"tier\":2.0,\"reason\":\"skills\"}", AgentActions.Transfer.class).tier());
        assertEquals("billing", read("{\"team\":\" billing \",\"reason\":\"r\"}", AgentActions.Transfer.class).team());
        for (String tier : List.of("\"2\"", "4", "-1", "1.5", "true", "\"next\"", "[1]")) {
            assertEquals(List.of(new FieldError("tier", "must be a tier from 0 to 3")),
                    errorsOf("{\"tier\":" + tier + ",\"reason\":\"r\"}", AgentActions.Transfer.class), tier);
        }
        assertEquals(List.of(new FieldError("reason", "must not be blank"),
                new FieldError("$", "name a team, a tier or both")),
                errorsOf("{\"reason\":\"  \"}", AgentActions.Transfer.class));
    }

    @Test
    void anEscalationByHandIsFunctionalOrHierarchicalAndMayGoToTheNextTier() {
        AgentActions.Escalation next = read("{\"kind\":\"functional\",\"reason\":\"response-time-exceeded\",\"tier\":\"next\"}",
                AgentActions.Escalation.class);
        assertTrue(next.nextTier());
        assertNull(next.tierNumber());
        assertEquals(1, read("{\"kind\":\"functional\",\"reason\":\"response-time-exceeded\",\"tier\":1}",
                AgentActions.Escalation.class).tierNumber());
        assertEquals(List.of(new FieldError("kind", "must be functional or hierarchical"),
                new FieldError("tier", "must be a tier from 0 to 3 or \"next\""),
                new FieldError("to", "must be supervisor or manager")),
                errorsOf("{\"kind\":\"automatic\",\"reason\":\"response-time-exceeded\",\"tier\":7,\"to\":\"ceo\"}",
                        AgentActions.Escalation.class));
        List<FieldError> missing = errorsOf("{}", AgentActions.Escalation.class);
        assertEquals(new FieldError("kind", "is required: functional or hierarchical"), missing.get(0));
        assertEquals("reason", missing.get(1).field());
        assertTrue(missing.get(1).problem().startsWith("is required: one of "), missing.toString());
        assertEquals(2, missing.size(), missing.toString());
    }

    @Test
    void aRefusedTransferNeedsAReasonAnApprovedOneDoesNot() {
        assertTrue(read("{\"approve\":true}", AgentActions.TransferDecision.class).approved());
        assertEquals(List.of(new FieldError("reason", "is required")),
                errorsOf("{\"approve\":false}", AgentActions.TransferDecision.class));
        assertEquals(List.of(new FieldError("approve", "is required: true or false"),
                new FieldError("reason", "is required")),
                errorsOf("{\"approve\":\"yes\"}", AgentActions.TransferDecision.class));
    }

    @Test
    void typeProblemsUnknownFieldsAndConstraintsAreReportedTogetherInTheFieldsOrder() {
        assertEquals(List.of(new FieldError("colour", "is not a known field"), new FieldError("body", "is required"),
                new FieldError("public", "must be true or false")),
                errorsOf("{\"public\":\"no\",\"colour\":\"red\"}", AgentActions.Reply.class));
        assertEquals(List.of(new FieldError("body", "must be a string")),
                errorsOf("{\"body\":{\"text\":\"hi\"}}", AgentActions.Reply.class));
        assertFalse(read("{\"body\":\"internal\",\"public\":false}", AgentActions.Reply.class).published());
        assertEquals(List.of(new FieldError("$", "must be a JSON object")),
                errorsOf("[1]", AgentActions.Reply.class));
        assertEquals(List.of(new FieldError("into", "must be a ticket id")),
                errorsOf("{\"into\":\"not-a-ticket\"}", AgentActions.Merge.class));
        assertEquals(List.of(new FieldError("$", "name at least one of impact, urgency, priority")),
                errorsOf("{\"reason\":\"r\"}", AgentActions.LevelsChange.class));
        assertEquals(List.of(new FieldError("status", "must be one line without control characters")),
                errorsOf("{\"status\":\"open\\u0000\"}", AgentActions.StatusChange.class));
        assertEquals(List.of(new FieldError("x", "is not a known field")),
                errorsOf("{\"x\":1}", AgentActions.Acknowledgement.class));
    }

    @Test
    void aRatingIsAWholeNumberFromOneToFiveAsJsonNumberOrFormText() {
        assertEquals(4, read("{\"rating\":4}", CustomerActions.Rating.class).rating());
        assertEquals(4, RequestBinder.read(Json.parse("{\"rating\":\" 4 \"}"), CustomerActions.Rating.class,
                Origin.FORM).rating());
        for (String rating : List.of("0", "6", "4.5", "\"four\"", "true", "12345678901")) {
            assertEquals(List.of(new FieldError("rating", "must be a whole number from 1 to 5")),
                    errorsOf("{\"rating\":" + rating + "}", CustomerActions.Rating.class), rating);
        }
        assertEquals(List.of(new FieldError("rating", "is required")), errorsOf("{}", CustomerActions.Rating.class));
    }

    @Test
    void aCustomersEscalationReasonIsRequiredInJsonButNotFromTheStatusPage() {
        assertEquals(List.of(new FieldError("reason", "is required")),
                errorsOf("{}", CustomerActions.EscalationRequest.class));
        assertNull(RequestBinder.read(Json.parse("{}"), CustomerActions.EscalationRequest.class, Origin.FORM)
                .reason());
        assertEquals(List.of(new FieldError("reason", "must be at most 2000 characters")),
                errorsOf("{\"reason\":\"" + "x".repeat(2001) + "\"}", CustomerActions.EscalationRequest.class,
                        Origin.FORM));
    }
}
