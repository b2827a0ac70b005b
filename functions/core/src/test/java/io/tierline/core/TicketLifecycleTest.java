package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.IllegalTransitionException;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
    static final Instant T0 = Instant.parse("2026-03-06T16:55:00Z");
    final SettableClock clock = new SettableClock(T0);

    static TicketDraft draft() {
        return new TicketDraft(new TicketDraft.Asked("Cannot export invoices", "The export button does nothing."),
                new Requester("Ada", "ada@example.com", "cust-1", "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.HIGH), new TicketDraft.Topic(null, List.of("export")));
    }

    @Test
    void newTicketStartsAtVersionOneWithACreatedEvent() {
        TicketChange created = Ticket.open(TicketId.next(clock), draft(), "salt", Actor.customer("ada@example.com"), T0);
        Ticket t = created.after();
        assertNull(created.before());
        assertEquals(Status.NEW, t.status());
        assertEquals(1, t.version());
        assertNull(t.priority());
        assertEquals(1, created.events().size());
        TicketEvent event = created.events().get(0);
        assertEquals(TicketEvent.EventType.CREATED, event.type());
        assertEquals(T0, event.at());
        assertTrue(EventChanges.of(event).contains(new Change("status", null, "new")));
    }

    @Test
    void triageOpensTheTicketAndRecordsWhatChangedAndWhy() {
        Ticket t = Ticket.open(TicketId.next(clock), draft(), "salt", Actor.customer("ada@example.com"), T0).after();
        Instant later = T0.plus(Duration.ofSeconds(2));
        TicketChange triaged = t.triage(new TriageDecision(Priority.HIGH, new TeamName("billing"), Tier.FRONT_LINE,
                "billing",
                "routing rule 'billing' matched"), Actor.system("triage"), later);
        Ticket after = triaged.after();
        assertEquals(Status.OPEN, after.status());
        assertEquals(2, after.version());
        assertEquals(new TeamName("billing"), after.team());
        assertEquals(Tier.FRONT_LINE, after.tier());
        assertEquals(later, after.updatedAt());
        assertEquals(T0, after.createdAt());
        TicketEvent triageEvent = triaged.events().get(0);
        assertEquals("routing rule 'billing' matched", triageEvent.reason());
        assertTrue(EventChanges.of(triageEvent).contains(new Change("priority", null, "high")));
        assertTrue(EventChanges.of(triageEvent).contains(new Change("team", null, "billing")));
        assertEquals(new Change("status", "new", "open"), EventChanges.of(triaged.events().get(1)).get(0));
        // an open ticket is not triaged twice
        assertThrows(IllegalTransitionException.class, () -> after.triage(new TriageDecision(Priority.LOW,
                new TeamName("x"),
                Tier.FRONT_LINE, null, "again"), Actor.system("triage"), later));
    }

    @Test
    void lifecycleAllowsTheDocumentedMovesOnly() {
        assertEquals(EnumSet.of(Status.PENDING, Status.ON_HOLD, Status.SOLVED), Status.OPEN.allowedNext());
        assertTrue(Status.SOLVED.canMoveTo(Status.OPEN), "reopen");
        assertTrue(Status.SOLVED.canMoveTo(Status.CLOSED));
        assertTrue(Status.CLOSED.allowedNext().isEmpty(), "closed is final");
        assertFalse(Status.OPEN.canMoveTo(Status.NEW));
        assertFalse(Status.PENDING.canMoveTo(Status.CLOSED), "must be solved before closed");
        for (Status from : Status.values()) {
            assertFalse(from.canMoveTo(from), from + " to itself is not a move");
        }
    }

    @Test
    void illegalMoveIsRefusedWithTheAllowedOnes() {
        Ticket t = Ticket.open(TicketId.next(clock), draft(), "salt", Actor.customer("a@b.co"), T0).after();
        Ticket solved = t.moveTo(Status.SOLVED, Actor.system("test"), T0, "done").after();
        Ticket closed = solved.moveTo(Status.CLOSED, Actor.system("test"), T0, null).after();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> closed.moveTo(Status.OPEN, Actor.system("test"), T0, "reopen"));
        assertEquals(Set.of(), e.allowed());
        assertEquals(3, closed.version());
        Ticket reopened = solved.moveTo(Status.OPEN, Actor.customer("a@b.co"), T0, "customer replied").after();
        assertEquals(Status.OPEN, reopened.status());
    }

    @Test
    void ticketIdsAreUlidsThatSortByCreationTime() {
        TicketId first = TicketId.next(clock);
        clock.advance(Duration.ofMillis(1));
        TicketId second = TicketId.next(clock);
        assertEquals(26, first.value().length());
        assertTrue(first.value().compareTo(second.value()) < 0);
        assertTrue(TicketId.isValid(first.value()));
        assertFalse(TicketId.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAU")); // 'U' is not Crockford base32
        assertFalse(TicketId.isValid("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> new TicketId("short"));
    }
}
