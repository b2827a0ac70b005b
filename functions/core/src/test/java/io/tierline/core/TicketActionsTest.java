package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.TicketEvent.EventType;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.IllegalTransitionException;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketActionsTest {
    final SettableClock clock = new SettableClock(Instant.parse("2026-04-01T09:00:00Z"));
    final Actor alice = new Actor(Actor.Kind.AGENT, "alice");
    final Instant now = clock.instant();

    Ticket openTicket() {
        Ticket t = Ticket.open(TicketId.next(clock), TicketLifecycleTest.draft(), CustomerTokens.newSalt(),
                Actor.customer("ada@example.com"), now).after();
        return t.triage(new TriageDecision(Priority.NORMAL, new TeamName("billing"), Tier.FRONT_LINE, null, "test"),
                Actor.system("triage"), now).after();
    }

    @Test
    void assignAndUnassign() {
        Ticket assigned = openTicket().assign(new PersonId("alice"), alice, now).after();
        assertEquals(new PersonId("alice"), assigned.assignee());
        TicketChange unassigned = assigned.assign(null, alice, now);
        assertNull(unassigned.after().assignee());
        assertEquals(List.of(new Change("assignee", "alice", null)), EventChanges.of(unassigned.events().get(0)));
    }

    @Test
    void repliesArePublicAndNotesInternal() {
        Ticket t = openTicket();
        var reply = t.agentReply("We are on it.", true, alice, now).events().get(0);
        var note = t.agentReply("Customer is on the old plan.", false, alice, now).events().get(0);
        assertEquals(EventType.REPLIED, reply.type());
        assertTrue(reply.isPublic());
        assertEquals("We are on it.", reply.body());
        assertEquals(EventType.NOTE_ADDED, note.type());
        assertFalse(note.isPublic());
    }

    @Test
    void aCustomerReplyReopensPendingAndSolvedTickets() {
        Ticket pending = openTicket().moveTo(Status.PENDING, alice, now, "waiting for logs").after();
        TicketChange replied = pending.customerReply("Here are the logs", Actor.customer("ada@example.com"), now);
        assertEquals(Status.OPEN, replied.after().status());
        assertEquals(List.of(EventType.CUSTOMER_REPLIED, EventType.STATUS_CHANGED),
                replied.events().stream().map(e -> e.type()).toList());
        assertEquals(1, replied.events().get(1).index());

        Ticket solved = openTicket().resolve("Refunded", "double charge bug", alice, now).after();
        assertEquals("Refunded", solved.resolution().note());
        Ticket back = solved.customerReply("Still charged", Actor.customer("ada@example.com"), now).after();
        assertEquals(Status.OPEN, back.status());
        assertNull(back.resolution());

        Ticket open = openTicket();
        assertEquals(Status.OPEN, open.customerReply("more info", Actor.customer("x"), now).after().status());
    }

    @Test
    void theRootCauseIsRecordedInTheResolvedEventAndClearedWhenTheTicketIsReopened() {
        TicketChange resolved = openTicket().resolve("Refunded", "double charge bug", alice, now);
        var event = resolved.events().get(0);
        assertEquals(EventType.RESOLVED, event.type());
        assertEquals("Refunded", event.body());
        assertEquals(List.of(new Change("status", "open", "solved"), new Change("rootCause", null, "double charge bug")),
                EventChanges.of(event));

        var reopened = resolved.after().reopen("not fixed", alice, now).events().get(0);
        assertTrue(EventChanges.of(reopened).contains(new Change("rootCause", "double charge bug", null)),
                EventChanges.of(reopened).toString());
        assertEquals(List.of(new Change("status", "open", "solved")),
                EventChanges.of(openTicket().resolve("done", null, alice, now).events().get(0)), "no root cause, no change");
    }

    @Test
    void closedTicketsRefuseWork() {
        Ticket closed = openTicket().resolve("done", null, alice, now).after().moveTo(Status.CLOSED, alice, now, null)
                .after();
        assertThrows(TicketActionException.class, () -> closed.agentReply("x", true, alice, now));
        assertThrows(TicketActionException.class, () -> closed.customerReply("x", Actor.customer("c"), now));
        assertThrows(TicketActionException.class, () -> closed.assign(new PersonId("bob"), alice, now));
        assertThrows(IllegalTransitionException.class, () -> closed.reopen("why", alice, now));
    }

    @Test
    void levelsNeedAReason() {
        Ticket t = openTicket();
        assertThrows(IllegalArgumentException.class, () -> t.changeLevels(Level.HIGH, null, Priority.HIGH, " ",
                alice, now));
        TicketChange raised = t.changeLevels(Level.HIGH, Level.HIGH, Priority.URGENT, "site down for all", alice, now);
        assertEquals(Priority.URGENT, raised.after().priority());
        assertEquals("site down for all", raised.events().get(0).reason());
        assertTrue(EventChanges.of(raised.events().get(0)).contains(new Change("priority", "normal", "urgent")));
    }

    /** A supervisor who moves the ticket where an agent asked it to go settles the request; a move elsewhere not. */
    @Test
    void aTransferWaitingForApprovalGoesOnceTheTicketIsWhereItAsked() {
        Ticket waiting = openTicket().transfer(new TeamName("platform-engineering"), Tier.EXPERT, "needs DB access",
                true, alice,
                now).after();
        Actor sam = new Actor(Actor.Kind.SUPERVISOR, "sam");

        Ticket elsewhere = waiting.transfer(null, Tier.EXPERT, "billing's experts first", false, sam, now).after();
        assertEquals(new TeamName("platform-engineering"), elsewhere.pendingTransfer().team(),
                "still asked for, still waiting");

        TicketChange there = waiting.transfer(new TeamName("platform-engineering"), Tier.EXPERT, "moving it myself",
                false, sam, now);
        assertNull(there.after().pendingTransfer(), "nobody is left to approve a move that happened");
        assertEquals(EventType.TRANSFERRED, there.events().get(0).type());
        assertTrue(EventChanges.of(there.events().get(0)).stream().anyMatch(c -> c.field().equals("pendingTransfer")
                && c.to() == null), "the trail says the request went: " + EventChanges.of(there.events().get(0)));
        assertThrows(TicketActionException.class, () -> there.after().decideTransfer(true, null, sam, now));
    }

    @Test
    void transferEitherWaitsForApprovalOrHappensNow() {
        Ticket t = openTicket().assign(new PersonId("alice"), alice, now).after();
        Ticket waiting = t.transfer(new TeamName("platform-engineering"), Tier.EXPERT, "needs DB access", true, alice,
                now).after();
        assertEquals(new TeamName("billing"), waiting.team(), "nothing moves before approval");
        assertEquals(new TeamName("platform-engineering"), waiting.pendingTransfer().team());

        Actor sam = new Actor(Actor.Kind.AGENT, "sam");
        TicketChange approved = waiting.decideTransfer(true, null, sam, now);
        assertEquals(new TeamName("platform-engineering"), approved.after().team());
        assertEquals(Tier.EXPERT, approved.after().tier());
        assertNull(approved.after().assignee(), "the new team picks it up");
        assertNull(approved.after().pendingTransfer());
        assertEquals(EventType.TRANSFERRED, approved.events().get(0).type());

        TicketChange refused = waiting.decideTransfer(false, "try the runbook first", sam, now);
        assertEquals(new TeamName("billing"), refused.after().team());
        assertNull(refused.after().pendingTransfer());
        assertThrows(TicketActionException.class, () -> openTicket().decideTransfer(true, null, sam, now));
        assertThrows(TicketActionException.class, () -> openTicket().transfer(new TeamName("billing"),
                Tier.FRONT_LINE, "same",
                false, alice, now));

        Ticket direct = t.transfer(null, Tier.ENGINEERING, "bug in code", false, sam, now).after();
        assertEquals(Tier.ENGINEERING, direct.tier());
        assertEquals(new TeamName("billing"), direct.team());
        TicketChange solved = waiting.resolve("Answered before anyone approved.", null, alice, now);
        assertNull(solved.after().pendingTransfer(), "a solved ticket has no transfer waiting");
        assertTrue(EventChanges.of(solved.events().get(0)).stream().anyMatch(c -> c.field().equals("pendingTransfer")),
                EventChanges.of(solved.events().get(0)).toString());
        assertThrows(TicketActionException.class, () -> solved.after().decideTransfer(true, null, sam, now));
        TicketChange solvedByStatus = waiting.moveTo(Status.SOLVED, alice, now, "answered on the phone");
        assertNull(solvedByStatus.after().pendingTransfer(), "however the ticket is solved");
        assertEquals(new TeamName("platform-engineering"),
                waiting.moveTo(Status.PENDING, alice, now, "asked the customer").after().pendingTransfer().team(),
                "a ticket still in work keeps the request");
    }

    @Test
    void mergeClosesTheDuplicateAndRecordsItOnTheSurvivor() {
        Ticket duplicate = openTicket();
        Ticket survivor = openTicket();
        List<TicketChange> merged = duplicate.mergeInto(survivor, "same outage", alice, now);
        assertEquals(Status.CLOSED, merged.get(0).after().status());
        assertEquals(survivor.id(), merged.get(0).after().mergedInto());
        assertEquals(EventType.DUPLICATE_MERGED, merged.get(1).events().get(0).type());
        assertEquals(survivor.version() + 1, merged.get(1).after().version());
        assertThrows(TicketActionException.class, () -> duplicate.mergeInto(duplicate, "x", alice, now));
        Ticket closed = merged.get(0).after();
        assertThrows(TicketActionException.class, () -> openTicket().mergeInto(closed, "x", alice, now));
        assertThrows(TicketActionException.class, () -> closed.mergeInto(survivor, "again", alice, now));
    }

    @Test
    void principalsWorkOnTheirTeamsOnly() {
        Ticket billing = openTicket();
        assertTrue(Principal.inTeams("alice", Role.AGENT, Set.of("billing")).worksOn(billing));
        assertFalse(Principal.inTeams("bob", Role.AGENT, Set.of("platform-engineering")).worksOn(billing));
        assertTrue(Principal.inTeams("root", Role.ADMIN, Set.of()).worksOn(billing));
        assertFalse(Principal.inTeams("alice", Role.AGENT, Set.of("billing")).canApproveTransferOf(billing));
        assertTrue(Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing")).canApproveTransferOf(billing));
        assertFalse(Principal.inTeams("sue", Role.SUPERVISOR, Set.of("identity")).canApproveTransferOf(billing));

        Principal bob = Principal.inTeams("bob", Role.AGENT, Set.of("platform-engineering"));
        assertEquals("bob is not in team billing, which owns ticket " + billing.id(),
                assertThrows(ForbiddenException.class, () -> bob.requireWorksOn(billing)).getMessage());
        Ticket untriaged = Ticket.open(TicketId.next(clock), TicketLifecycleTest.draft(), CustomerTokens.newSalt(),
                Actor.customer("ada@example.com"), now).after();
        assertEquals("ticket " + untriaged.id() + " is not routed to a team yet; until triage routes it, only an admin"
                        + " works on it",
                assertThrows(ForbiddenException.class, () -> bob.requireWorksOn(untriaged)).getMessage());
        Principal.inTeams("root", Role.ADMIN, Set.of()).requireWorksOn(untriaged);
    }

    @Test
    void customerTokensAreDerivedNotStoredAndCompareExactly() {
        CustomerTokens tokens = CustomerTokens.fromSecret("0123456789abcdef0123456789abcdef");
        Ticket t = openTicket();
        String token = tokens.tokenFor(t);
        assertTrue(token.length() >= 43, "256 bits in base64url");
        assertTrue(tokens.matches(t, token));
        assertFalse(tokens.matches(t, token.substring(1) + "A"));
        assertFalse(tokens.matches(t, null));
        assertFalse(CustomerTokens.fromSecret("another-secret-of-thirty-two-bytes!").matches(t, token));
        assertFalse(tokens.matches(openTicket(), token), "a token opens its own ticket only");
        assertThrows(IllegalArgumentException.class, () -> CustomerTokens.fromSecret("short"));
    }

    @Test
    void aSolvedTicketIsRatedAndALaterRatingReplacesTheFirst() {
        Actor ada = Actor.customer("ada@example.com");
        assertThrows(TicketActionException.class, () -> openTicket().rateSatisfaction(4, null, ada, now),
                "an open ticket cannot be rated yet");
        Ticket solved = openTicket().resolve("Refunded", null, alice, now).after();
        TicketChange first = solved.rateSatisfaction(2, "Slow", ada, now);
        assertEquals(new Satisfaction(2, "Slow", now), first.after().satisfaction());
        var event = first.events().get(0);
        assertEquals(EventType.SATISFACTION_RATED, event.type());
        assertTrue(event.isPublic());
        assertEquals("Slow", event.body());
        assertEquals(List.of(new Change("satisfaction", null, "2")), EventChanges.of(event));

        Instant later = now.plusSeconds(60);
        TicketChange second = first.after().moveTo(Status.CLOSED, alice, later, null).after()
                .rateSatisfaction(4, "Fixed in the end", ada, later);
        assertEquals(new Satisfaction(4, "Fixed in the end", later), second.after().satisfaction());
        assertEquals(List.of(new Change("satisfaction", "2", "4")), EventChanges.of(second.events().get(0)));
    }

    @Test
    void aMergedTicketIsNotRated() {
        Ticket survivor = openTicket();
        Ticket merged = openTicket().mergeInto(survivor, "same", alice, now).get(0).after();
        assertThrows(TicketActionException.class, () -> merged.rateSatisfaction(5, null,
                Actor.customer("ada@example.com"), now));
    }
}
