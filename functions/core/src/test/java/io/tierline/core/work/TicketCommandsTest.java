package io.tierline.core.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The agents' actions the policy document decides, as every adapter now gets them from the core: the priority
 * matrix on a change of levels, and the transfer policy (the bundled document: agents' transfers wait for a
 * supervisor of the ticket's team).
 */
class TicketCommandsTest {
    final FakeWorld world = new FakeWorld(PolicyDocument.bundled(), Instant.parse("2026-11-16T08:00:00Z"),
            Duration.ofMinutes(2));
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    final TicketId id = world.file(new TicketDraft(new TicketDraft.Asked("Wrong invoice", "Charged twice in May."),
            new Requester("Cleo", "cleo@example.com", null, null), Channel.WEB,
            new TicketDraft.Levels(Level.LOW, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));

    Ticket act(Principal who, TicketWorkService.Action action) {
        return world.work.act(id, who, TicketWorkService.Guard.none(), action).ticket();
    }

    @Test
    void newLevelsWithoutAPriorityAreRankedByTheMatrix() {
        assertEquals(new TeamName("billing"), world.ticket(id).team());
        Ticket raised = act(alice, (t, now) -> world.commands.changeLevels(t, Level.HIGH, Level.HIGH, null,
                "all invoices fail", alice, now));
        assertEquals(Priority.URGENT, raised.priority());
        assertEquals(Level.HIGH, raised.impact());
    }

    /** The bundled directory lists billing's people (alice, greta and sam): nobody else is given a billing ticket. */
    @Test
    void aHandAssignmentGoesOnlyToSomeoneTheDirectoryListsInTheTicketsTeam() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> act(sam, (t, now) -> world.commands.assign(t, new PersonId("bob"), sam, now)));
        assertEquals("assignee", refused.errors().get(0).field());
        assertEquals("is not one of the people of team billing in the policy document's directory: alice, greta, sam",
                refused.errors().get(0).problem());
        assertNull(world.ticket(id).assignee(), "nothing stored");
        assertEquals(new PersonId("alice"),
                act(sam, (t, now) -> world.commands.assign(t, new PersonId("alice"), sam, now)).assignee());
        assertNull(act(sam, (t, now) -> world.commands.assign(t, null, sam, now)).assignee(), "unassigned");
    }

    @Test
    void aLevelLeftOutKeepsTheTicketsOwnAndTheMatrixRanksTheResult() {
        Ticket t = act(alice, (ticket, now) -> world.commands.changeLevels(ticket, Level.HIGH, null, null,
                "more customers", alice, now));
        assertEquals(Level.MEDIUM, t.urgency());
        assertEquals(world.policies.triage().priorityMatrix().priorityOf(Level.HIGH, Level.MEDIUM), t.priority());
    }

    @Test
    void anExplicitPriorityOverridesTheMatrix() {
        Ticket t = act(alice, (ticket, now) -> world.commands.changeLevels(ticket, Level.HIGH, Level.HIGH,
                Priority.NORMAL, "workaround given", alice, now));
        assertEquals(Priority.NORMAL, t.priority());
    }

    @Test
    void anAgentsTransferWaitsForTheSupervisorAndASupervisorsHappensAtOnce() {
        Ticket waiting = act(alice, (t, now) -> world.commands.transfer(t, null, Tier.EXPERT, "needs an expert",
                alice, now));
        assertNotNull(waiting.pendingTransfer());
        assertEquals(Tier.FRONT_LINE, waiting.tier());
        Ticket moved = world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(),
                (h, now) -> world.commands.decideTransfer(h, true, null, sam, now)).ticket();
        assertNull(moved.pendingTransfer());
        assertEquals(Tier.EXPERT, moved.tier());
        Ticket direct = act(sam, (t, now) -> world.commands.transfer(t, null, Tier.ENGINEERING, "vendor bug", sam,
                now));
        assertEquals(Tier.ENGINEERING, direct.tier(), "a supervisor transfers directly");
    }

    @Test
    void onlyASupervisorOfTheTeamDecidesAPendingTransfer() {
        act(alice, (t, now) -> world.commands.transfer(t, new TeamName("platform-engineering"), null,
                "database access", alice,
                now));
        assertThrows(ForbiddenException.class, () -> world.work.actOnTrail(id, alice, TicketWorkService.Guard.none(),
                (h, now) -> world.commands.decideTransfer(h, true, null, alice, now)));
        Principal other = Principal.inTeams("otto", Role.SUPERVISOR, Set.of("billing-eu"));
        assertThrows(ForbiddenException.class, () -> world.commands.decideTransfer(world.history(id), true, null,
                other, world.clock.instant()));
        assertNotNull(world.ticket(id).pendingTransfer(), "nothing changed");
    }
}
