package io.tierline.core.routing;

import static io.tierline.core.routing.RoutingFixtures.POLICIES;
import static io.tierline.core.routing.RoutingFixtures.SATURDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.work.TicketWorkService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Automatic assignment driven by the writes that make it worth asking: triage, a solve that frees capacity, a person
 * going away and coming back, a hand-over to tier 2; on the example policy, a Saturday (Olga is off shift).
 */
class RoutingServiceTest {
    private final FakeWorld world = new FakeWorld(POLICIES, SATURDAY, Duration.ofMinutes(2));
    private final Principal greta = Principal.inTeams("greta", Role.AGENT, Set.of("billing"));
    private final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    private int filed;

    private TicketId germanInvoice() {
        filed++;
        return world.file(new TicketDraft(new TicketDraft.Asked("Rechnung doppelt abgebucht " + filed,
                "Hallo, meine Rechnung (invoice) für November wurde doppelt abgebucht. Bitte erstatten Sie den "
                        + "Betrag zurück. Vielen Dank und mit freundlichen Grüßen, Jana"),
                new Requester("Jana", "jana" + filed + "@example.de", null, "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
    }

    private String assignee(TicketId id) {
        return PersonId.nameOf(world.ticket(id).assignee());
    }

    private int load(String person) {
        return world.store.states(List.of(new PersonId(person))).getOrDefault(new PersonId(person),
                AgentState.FRESH).load();
    }

    private TicketEvent last(TicketId id) {
        List<TicketEvent> events = world.history(id).events();
        return events.get(events.size() - 1);
    }

    @Test
    void aGermanBillingTicketGoesToGretaAtTriageAndTheTrailSaysWhy() {
        TicketId id = germanInvoice();

        Ticket ticket = world.ticket(id);
        assertEquals(new TeamName("billing"), ticket.team());
        assertEquals("de", ticket.signals().language());
        assertEquals(new PersonId("greta"), ticket.assignee());
        TicketEvent assigned = assertInstanceOf(TicketEvent.AutoAssigned.class, last(id));
        assertEquals("skills: billing, speaks de; load 0 of 3", assigned.reason());
        assertEquals("greta:chosen,karl:other-tier,marc:no-language,olga:off-shift,tom:other-tier",
                EventChanges.of(assigned).stream().filter(c -> c.field().equals(EventChanges.CONSIDERED))
                        .findFirst().orElseThrow().to());
        assertEquals(1, load("greta"));
    }

    @Test
    void nobodyGoesPastCapacityTheFourthWaitsWithWhyAndIsAssignedWhenGretaSolvesOne() {
        List<TicketId> ids = List.of(germanInvoice(), germanInvoice(), germanInvoice(), germanInvoice());
        assertEquals(List.of("greta", "greta", "greta"), ids.subList(0, 3).stream().map(this::assignee).toList());
        assertNull(assignee(ids.get(3)));
        TicketEvent waiting = assertInstanceOf(TicketEvent.AssignmentWaiting.class, last(ids.get(3)));
        assertEquals("waiting for a person: skills", waiting.reason());
        assertEquals(3, load("greta"));

        world.work.act(ids.get(0), greta, TicketWorkService.Guard.none(),
                (t, now) -> t.resolve("refunded", null, greta.actor(), now));

        assertEquals("greta", assignee(ids.get(3)));
        assertEquals(3, load("greta"), "one solved, one given");
    }

    @Test
    void whenGretaGoesAwayHerTicketsAreReOfferedAndWaitThenComeBackToHerWhenSheIsAvailable() {
        TicketId first = germanInvoice();
        TicketId second = germanInvoice();

        assertEquals(2, world.routing.setAvailability(new PersonId("greta"), Availability.AWAY));

        assertNull(assignee(first));
        assertNull(assignee(second));
        assertEquals(0, load("greta"));
        assertEquals("greta:away,karl:other-tier,marc:no-language,olga:off-shift,tom:other-tier",
                EventChanges.of(last(first)).stream().filter(c -> c.field().equals(EventChanges.CONSIDERED))
                        .findFirst().orElseThrow().to());
        TicketId third = germanInvoice();
        assertNull(assignee(third), "nobody fits while she is away");

        assertEquals(3, world.routing.setAvailability(new PersonId("greta"), Availability.AVAILABLE));
        assertEquals(List.of("greta", "greta", "greta"), List.of(assignee(first), assignee(second),
                assignee(third)));
        assertEquals(3, load("greta"));
    }

    @Test
    void anAgentsAssignmentByHandIsNeverTakenFromThem() {
        TicketId id = germanInvoice();
        world.work.act(id, sam, TicketWorkService.Guard.none(), (t, now) -> t.assign(new PersonId("marc"),
                sam.actor(), now));
        assertEquals(0, load("greta"));
        assertEquals(1, load("marc"));

        assertEquals(0, world.routing.setAvailability(new PersonId("marc"), Availability.OFFLINE));
        assertEquals("marc", assignee(id));
        assertEquals(RoutingService.Outcome.NOT_ROUTED, world.routing.offer(id));
    }

    @Test
    void aHandOverToTierTwoIsAssignedToTheTierTwoPersonWithTheSkill() {
        TicketId id = germanInvoice();
        world.work.act(id, sam, TicketWorkService.Guard.none(),
                (t, now) -> world.commands.transfer(t, null, Tier.of(2), "needs an invoice correction", sam, now));

        assertEquals("karl", assignee(id));
        assertEquals(Map.of("greta", 0, "karl", 1), Map.of("greta", load("greta"), "karl", load("karl")));
        assertEquals("skills: billing, speaks de; load 0 of 5", last(id).reason());
    }

    @Test
    void aRepeatedOfferChangesNothingTwice() {
        TicketId id = germanInvoice();
        int writes = world.store.writes();
        assertEquals(RoutingService.Outcome.NOT_ROUTED, world.routing.offer(id), "held already");
        assertEquals(writes, world.store.writes());
        assertEquals(1, load("greta"));

        world.routing.setAvailability(new PersonId("greta"), Availability.AWAY);
        TicketId waiting = germanInvoice();
        int before = world.store.writes();
        assertEquals(RoutingService.Outcome.UNCHANGED, world.routing.offer(waiting));
        assertEquals(before, world.store.writes(), "the same reasons are not recorded again");
    }

    /**
     * Greta's return whose event went missing (the roster says available, nobody offered her teams' queue): the
     * sweep's pass assigns the waiting tickets, bounded per run, and a pass with nobody free writes nothing.
     */
    @Test
    void theSweepsSafetyNetAssignsWhatALostTriggerLeftWaitingBoundedPerRun() {
        world.routing.setAvailability(new PersonId("greta"), Availability.AWAY);
        List<TicketId> ids = List.of(germanInvoice(), germanInvoice(), germanInvoice());
        assertEquals(java.util.Arrays.asList(null, null, null), ids.stream().map(this::assignee).toList());

        int before = world.store.writes();
        assertEquals(new RoutingService.WaitingOffered(3, 0), world.routing.offerWaiting(20));
        assertEquals(before, world.store.writes(), "still nobody fits for the same reasons: nothing written");

        world.store.setAvailability(new PersonId("greta"), Availability.AVAILABLE, world.clock.instant());
        assertEquals(new RoutingService.WaitingOffered(2, 2), world.routing.offerWaiting(2), "at most 2 this run");
        assertEquals(List.of("greta", "greta"), ids.subList(0, 2).stream().map(this::assignee).toList());
        assertNull(assignee(ids.get(2)));
        assertInstanceOf(TicketEvent.AutoAssigned.class, last(ids.get(0)));

        assertEquals(new RoutingService.WaitingOffered(1, 1), world.routing.offerWaiting(20), "the next run");
        assertEquals("greta", assignee(ids.get(2)));
        assertEquals(3, load("greta"));
        assertEquals(new RoutingService.WaitingOffered(0, 0), world.routing.offerWaiting(20));
    }
}
