package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EventHeader;
import io.tierline.core.ticket.FieldMoves;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an audit event reads in GET /tickets/{id}, without a running function. */
class TicketViewTest {
    static final TicketId ID = new TicketId("01KB0000000000000000000000");

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
