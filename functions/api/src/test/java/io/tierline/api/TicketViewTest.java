package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Visibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an audit event reads in GET /tickets/{id}, without a running function. */
class TicketViewTest {
    static final TicketId ID = new TicketId("01KB0000000000000000000000");

    @Test
    void aTimedStepShowsWhenItWasDueBesideWhenItHappened() {
        AuditEvent level = new AuditEvent(ID, 7, 0, Instant.parse("2026-11-23T09:30:40Z"), Actor.system("escalation"),
                AuditEvent.EventType.ESCALATED, List.of(new Change("escalationLevel", "2", "3"),
                Ticket.dueAt(Instant.parse("2026-11-23T09:30:00Z"))), "level 3", null, Visibility.INTERNAL);
        JsonNode json = Json.MAPPER.valueToTree(TicketView.EventView.of(level));
        assertEquals("2026-11-23T09:30:40Z", json.get("at").asText());
        assertEquals("2026-11-23T09:30:00Z", json.get("dueAt").asText());
        assertEquals(1, json.get("changes").size(), "the due instant is not a change of the ticket: " + json);
        assertEquals("escalationLevel", json.at("/changes/0/field").asText());
    }

    @Test
    void anEventSomeoneCausedHasNoDueInstant() {
        AuditEvent note = new AuditEvent(ID, 3, 0, Instant.parse("2026-11-23T09:00:00Z"),
                new Actor(Actor.Kind.AGENT, "alice"), AuditEvent.EventType.NOTE_ADDED, List.of(), null, "checking",
                Visibility.INTERNAL);
        assertNull(Json.MAPPER.valueToTree(TicketView.EventView.of(note)).get("dueAt"));
    }
}
