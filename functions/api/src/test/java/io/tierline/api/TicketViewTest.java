package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.EventHeader;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Resolution;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TransferRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a ticket and its audit events read in the API's JSON, without a running function. */
class TicketViewTest {
    static final TicketId ID = new TicketId("01KB0000000000000000000000");
    static final Instant FILED = Instant.parse("2026-11-23T09:00:00Z");

    /** Triaged, resolved, with a transfer waiting and an escalation under way: every part has something to say. */
    static Ticket everythingSet() {
        return new Ticket(ID,
                new Ticket.Request("Refund", "Charged twice", new Requester("Ada", "ada@example.com", "acme", "pro"),
                        Channel.WEB, "salt"),
                new Ticket.Classification(Level.LOW, Level.HIGH, Priority.HIGH, "billing", new TeamName("billing"),
                        Tier.of(1), List.of("invoice"), new TicketSignals("en", 0.4, 0.7)),
                new Ticket.Work(Status.SOLVED, new PersonId("alice"),
                        new Resolution("Refunded", "billing-error", FILED),
                        new TransferRequest(new TeamName("billing"), Tier.of(2), new PersonId("alice"),
                                "needs a specialist", FILED),
                        null, List.of(new PersonId("sam")), null),
                new Ticket.Clocks(null, null, EscalationState.fresh("standard", 1, 2, FILED, 0, null)
                        .withNextStep(EscalationState.Step.REMINDER, FILED.plusSeconds(600))),
                FILED, FILED.plusSeconds(60), 7);
    }

    @Test
    void aTicketIsOneFlatObjectWithItsPartsFieldsInline() {
        JsonNode json = Json.MAPPER.valueToTree(TicketView.of(everythingSet(), null).withAccess("token", "/status/x"));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("id", "subject", "description", "requester", "channel", "impact", "urgency", "priority",
                "category", "team", "tier", "tags", "language", "frustration", "escalationRisk", "status", "assignee",
                "resolution", "rootCause", "pendingTransfer", "watchers", "escalation", "createdAt", "updatedAt",
                "version", "accessToken", "statusUrl"), Set.copyOf(keys), json.toString());
        assertEquals(27, keys.size(), "each key once: " + keys);
        assertEquals("ada@example.com", json.at("/requester/email").asText());
        assertEquals(0.7, json.get("escalationRisk").asDouble());
        assertEquals("billing-error", json.get("rootCause").asText());
        assertEquals(7, json.get("version").asLong());
    }

    @Test
    void escalationAndPendingTransferWriteEveryKeyNullOrNot() {
        JsonNode json = Json.MAPPER.valueToTree(TicketView.of(everythingSet(), null));
        JsonNode escalation = json.get("escalation");
        List<String> keys = new ArrayList<>();
        escalation.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("policy", "level", "sequence", "levelAt", "reminders", "acknowledgedBy",
                "acknowledgedAt", "nextStep", "nextStepAt", "notificationsPending"), Set.copyOf(keys));
        assertTrue(escalation.get("acknowledgedBy").isNull());
        assertEquals("reminder", escalation.get("nextStep").asText());
        assertFalse(escalation.get("notificationsPending").asBoolean());
        assertEquals(2, json.at("/pendingTransfer/tier").asInt());
        assertEquals("alice", json.at("/pendingTransfer/requestedBy").asText());
        assertNull(json.get("accessToken"), "the access token is only in the creation answer");
        assertNull(json.get("events"), "no trail was asked for");
    }

    @Test
    void aFreshTicketLeavesOutWhatTriageAndWorkHaveNotSetYet() {
        Ticket fresh = Ticket.open(ID, new TicketDraft(new TicketDraft.Asked("Refund", "Charged twice"),
                new Requester("Ada", "ada@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.LOW, Level.MEDIUM), new TicketDraft.Topic(null, List.of())), "salt",
                Actor.customer("ada@example.com"), FILED).after();
        JsonNode json = Json.MAPPER.valueToTree(TicketView.of(fresh, null));
        for (String unset : List.of("priority", "team", "tier", "language", "frustration", "escalationRisk",
                "assignee", "resolution", "rootCause", "pendingTransfer", "escalation", "sla", "escalations")) {
            assertNull(json.get(unset), unset + " in " + json);
        }
        assertEquals("new", json.get("status").asText());
    }

    @Test
    void aTimedStepShowsWhenItWasDueBesideWhenItHappened() {
        TicketEvent level = new TicketEvent.Escalated(new EventHeader(ID, 7, 0, Instant.parse("2026-11-23T09:30:40Z"),
                Actor.system("escalation"), "level 3", null), FieldMoves.NONE, new TicketEvent.EscalationFacts(3,
                io.tierline.core.ticket.EscalationKind.AUTOMATIC, "sla-breach", new Move<>(2, 3), null, false), List.of(),
                Instant.parse("2026-11-23T09:30:00Z"));
        JsonNode json = Json.MAPPER.valueToTree(TicketView.EventView.of(level));
        assertEquals("2026-11-23T09:30:40Z", json.get("at").asText());
        assertEquals("2026-11-23T09:30:00Z", json.get("dueAt").asText());
        assertEquals(4, json.get("changes").size(), "the due instant is not a change of the ticket: " + json);
        assertEquals("escalationLevel", json.at("/changes/3/field").asText());
        assertEquals("2", json.at("/changes/3/from").asText());
        assertEquals("3", json.at("/changes/3/to").asText());
        json.get("changes").forEach(c -> assertNotEquals("dueAt", c.get("field").asText()));
    }

    @Test
    void anEventSomeoneCausedHasNoDueInstant() {
        TicketEvent note = new TicketEvent.NoteAdded(new EventHeader(ID, 3, 0, Instant.parse("2026-11-23T09:00:00Z"),
                new Actor(Actor.Kind.AGENT, "alice"), null, "checking"), FieldMoves.NONE);
        assertNull(Json.MAPPER.valueToTree(TicketView.EventView.of(note)).get("dueAt"));
    }
}
