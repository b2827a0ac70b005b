package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.ProjectRoot;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic assignment through the API with the example policy (docs/examples/assignment-policy.json): a German
 * billing ticket goes to Greta at triage with its reason in the trail; she goes away and it is re-offered to Olga
 * (on shift on a Monday morning in Berlin); a supervisor sees the team's load against capacity.
 */
@QuarkusTest
@TestProfile(AssignmentApiTest.ExamplePolicy.class)
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class AssignmentApiTest {
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T08:30:00Z");
    static final Instant START = TestClock.CLOCK.instant();

    public static class ExamplePolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tierline.policy.file",
                    ProjectRoot.find().resolve("docs/examples/assignment-policy.json").toString());
        }
    }

    @Inject
    TriageService triage;

    @AfterEach
    void restoreClock() {
        TestClock.CLOCK.set(START);
    }

    static JsonNode lastEvent(JsonNode ticket, String type) {
        List<JsonNode> found = new ArrayList<>();
        ticket.get("events").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found.get(found.size() - 1);
    }

    static String change(JsonNode event, String field) {
        for (JsonNode c : event.get("changes")) {
            if (c.get("field").asText().equals(field)) {
                return c.get("to").asText();
            }
        }
        throw new AssertionError("no " + field + " in " + event);
    }

    @Test
    void aGermanBillingTicketGoesToGretaAndWhenSheGoesAwayToOlgaWithTheReasonsInTheTrail() {
        TestClock.CLOCK.set(MONDAY_MORNING);
        LambdaHttp.Reply created = LambdaHttp.postJson("/tickets", """
                {"subject":"Rechnung doppelt abgebucht","description":"Hallo, meine Rechnung (invoice) für \
                November wurde doppelt abgebucht. Bitte erstatten Sie den Betrag zurück. Vielen Dank und mit \
                freundlichen Grüßen","requester":{"name":"Jana","email":"jana@example.de"}}""", Map.of());
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        triage.triage(new TicketId(id));

        JsonNode ticket = AgentAndCustomerTest.ok(LambdaHttp.get("/tickets/" + id, "sam"));
        assertEquals("greta", ticket.get("assignee").asText());
        JsonNode assigned = lastEvent(ticket, "auto-assigned");
        assertEquals("skills: billing, speaks de; load 0 of 3", assigned.get("reason").asText());
        assertEquals("greta:chosen,olga:later-turn,karl:other-tier,marc:no-language,tom:other-tier",
                change(assigned, "considered"));

        JsonNode mine = AgentAndCustomerTest.ok(LambdaHttp.get("/agents/me/tickets", "greta"));
        assertEquals(List.of(id), ids(mine.get("items")));
        assertEquals("available", mine.get("availability").asText());

        LambdaHttp.Reply bad = LambdaHttp.call("PUT", "/agents/me/availability", Map.of("content-type",
                "application/json", "authorization", LambdaHttp.bearer("greta")), "{\"availability\":\"asleep\"}");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"availability\""), bad.body());

        LambdaHttp.Reply away = LambdaHttp.call("PUT", "/agents/me/availability", Map.of("content-type",
                "application/json", "authorization", LambdaHttp.bearer("greta")), "{\"availability\":\"away\"}");
        assertEquals(200, away.status(), away.body());
        assertEquals(1, away.json().get("ticketsMoved").asInt());

        ticket = AgentAndCustomerTest.ok(LambdaHttp.get("/tickets/" + id, "sam"));
        assertEquals("olga", ticket.get("assignee").asText());
        assertEquals("olga:chosen,greta:away,karl:other-tier,marc:no-language,tom:other-tier",
                change(lastEvent(ticket, "auto-assigned"), "considered"));

        JsonNode team = AgentAndCustomerTest.ok(LambdaHttp.get("/teams/billing/people", "sam"));
        assertEquals("skills", team.get("mode").asText());
        Map<String, String> loads = new java.util.TreeMap<>();
        team.get("people").forEach(p -> loads.put(p.get("id").asText(), p.get("availability").asText() + " "
                + p.get("load").asInt() + "/" + p.get("capacity").asInt()));
        assertEquals(Map.of("greta", "away 0/3", "karl", "available 0/5", "marc", "available 0/3",
                "olga", "available 1/3", "tom", "available 0/5"), loads);
        assertEquals(403, LambdaHttp.get("/teams/billing/people", "alice").status());
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
