package io.tierline.core.routing;

import static io.tierline.core.routing.RoutingFixtures.POLICIES;
import static io.tierline.core.routing.RoutingFixtures.SATURDAY;
import static io.tierline.core.routing.RoutingFixtures.TUESDAY;
import static io.tierline.core.routing.RoutingFixtures.germanBilling;
import static io.tierline.core.routing.RoutingFixtures.triaged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EventChanges;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Tier;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The assignment rules on small cases, on the example policy's billing team (greta, karl, marc, olga, tom). */
class AssignerTest {
    private final Map<PersonId, AgentState> states = new HashMap<>();

    private AssignmentDecision decide(Ticket ticket, Instant at) {
        return Assigner.decide(ticket, POLICIES.staffing(), states, at);
    }

    private void set(String person, Availability availability, int load, Instant lastAssigned) {
        states.put(new PersonId(person), new AgentState(availability, load, lastAssigned));
    }

    private static String considered(AssignmentDecision decision) {
        return decision.facts().considered().stream().map(c -> c.person() + ":" + c.verdict().code())
                .collect(Collectors.joining(","));
    }

    @Test
    void aGermanBillingTicketGoesToTheAvailableGermanSpeakerWithRoomAndSaysWhyEveryoneElseWasPassedBy() {
        AssignmentDecision decision = decide(germanBilling(), SATURDAY);

        assertEquals(new PersonId("greta"), decision.chosen());
        assertEquals("greta:chosen,karl:other-tier,marc:no-language,olga:off-shift,tom:other-tier",
                considered(decision));
        assertEquals(new AssignmentFacts.SkillMatch(List.of(new Skill("billing")), "de", List.of(new Skill("billing"))),
                decision.facts().match());
        assertEquals(new AssignmentFacts.Load(0, 3, false), decision.facts().load());
        assertEquals("skills: billing, speaks de; load 0 of 3", decision.facts().summary());
    }

    @Test
    void awayOrOfflinePeopleAreNotGivenTicketsAndWhenNobodyFitsTheTicketWaitsWithTheReasons() {
        set("greta", Availability.AWAY, 0, null);
        assertEquals(new PersonId("olga"), decide(germanBilling(), TUESDAY).chosen());

        set("olga", Availability.OFFLINE, 0, null);
        AssignmentDecision nobody = decide(germanBilling(), TUESDAY);
        assertNull(nobody.chosen());
        assertNull(nobody.facts().load());
        assertEquals("greta:away,karl:other-tier,marc:no-language,olga:offline,tom:other-tier", considered(nobody));
    }

    @Test
    void nobodyIsGivenMoreThanTheirCapacityUnlessTheRuleLetsAnUrgentTicketPast() {
        set("greta", Availability.AVAILABLE, 3, null);
        AssignmentDecision full = decide(germanBilling(), SATURDAY);
        assertNull(full.chosen());
        assertEquals("greta:at-capacity,karl:other-tier,marc:no-language,olga:off-shift,tom:other-tier",
                considered(full));

        AssignmentDecision urgent = decide(triaged("billing", Tier.of(1), Priority.URGENT, "billing", "de",
                List.of()), SATURDAY);
        assertEquals(new PersonId("greta"), urgent.chosen());
        assertEquals(new AssignmentFacts.Load(3, 3, true), urgent.facts().load());
    }

    @Test
    void capacityPerPriorityGivesAnUrgentTicketItsOwnLimit() {
        set("greta", Availability.AWAY, 0, null);
        set("olga", Availability.AVAILABLE, 3, null); // at her limit of 3 for normal work, under 4 for urgent
        assertNull(decide(germanBilling(), TUESDAY).chosen());
        AssignmentDecision urgent = decide(triaged("billing", Tier.of(1), Priority.URGENT, "billing", "de",
                List.of()), TUESDAY);
        assertEquals(new PersonId("olga"), urgent.chosen());
        assertEquals(new AssignmentFacts.Load(3, 4, false), urgent.facts().load());
    }

    @Test
    void theBestSkillMatchComesFirstThenTheMostSpareCapacity() {
        Ticket invoices = triaged("billing", Tier.of(1), Priority.NORMAL, "billing", "de", List.of("invoices"));
        AssignmentDecision bySkill = decide(invoices, TUESDAY);
        assertEquals(new PersonId("olga"), bySkill.chosen());
        assertEquals("olga:chosen,greta:fewer-skills,karl:other-tier,marc:no-language,tom:other-tier",
                considered(bySkill));

        set("greta", Availability.AVAILABLE, 2, null);
        set("olga", Availability.AVAILABLE, 1, null);
        AssignmentDecision byLoad = decide(germanBilling(), TUESDAY);
        assertEquals(new PersonId("olga"), byLoad.chosen());
        assertEquals("olga:chosen,greta:more-loaded,karl:other-tier,marc:no-language,tom:other-tier",
                considered(byLoad));
    }

    @Test
    void equalsTakeTurnsByWhoWasGivenATicketLeastRecentlyThenById() {
        assertEquals(new PersonId("greta"), decide(germanBilling(), TUESDAY).chosen(), "nobody assigned yet: by id");
        set("greta", Availability.AVAILABLE, 1, Instant.parse("2026-12-08T09:50:00Z"));
        set("olga", Availability.AVAILABLE, 1, Instant.parse("2026-12-08T09:40:00Z"));
        AssignmentDecision decision = decide(germanBilling(), TUESDAY);
        assertEquals(new PersonId("olga"), decision.chosen());
        assertEquals("olga:chosen,greta:later-turn,karl:other-tier,marc:no-language,tom:other-tier",
                considered(decision));
    }

    @Test
    void atTierTwoTheTierTwoPersonWithTheNeededSkillIsChosen() {
        Ticket escalated = triaged("billing", Tier.of(2), Priority.HIGH, "billing", "en", List.of("invoices"));
        AssignmentDecision decision = decide(escalated, TUESDAY);
        assertEquals(new PersonId("karl"), decision.chosen());
        assertEquals("karl:chosen,tom:fewer-skills,greta:other-tier,marc:other-tier,olga:other-tier",
                considered(decision));
        assertEquals(List.of(new Skill("billing"), new Skill("invoices")), decision.facts().match().matched());
    }

    @Test
    void roundRobinIgnoresSkillsAndLanguageAndTakesTurns() {
        Ticket desk = triaged("service-desk", Tier.of(1), Priority.NORMAL, "billing", "de", List.of());
        set("alice", Availability.AVAILABLE, 5, Instant.parse("2026-12-08T09:00:00Z"));
        set("bob", Availability.AVAILABLE, 0, Instant.parse("2026-12-08T09:30:00Z"));
        AssignmentDecision decision = decide(desk, TUESDAY);
        assertEquals(new PersonId("alice"), decision.chosen());
        assertEquals("alice:chosen,bob:later-turn", considered(decision));
        assertEquals("round-robin; load 5 of 20", decision.facts().summary());
    }

    @Test
    void aReOfferPassesTheCurrentAssigneeAndTheTrailShowsWhy() {
        Ticket held = germanBilling().autoAssign(new PersonId("greta"),
                decide(germanBilling(), TUESDAY).facts(), Actor.system("routing"), TUESDAY).after();
        AssignmentDecision again = decide(held, TUESDAY);
        assertEquals(new PersonId("olga"), again.chosen());
        assertEquals("olga:chosen,greta:current-assignee,karl:other-tier,marc:no-language,tom:other-tier",
                considered(again));

        TicketEvent event = held.autoAssign(new PersonId("olga"), again.facts(), Actor.system("routing"), TUESDAY)
                .events().get(0);
        assertEquals("[assignee: greta -> olga, assignmentMode: null -> skills, skillsNeeded: null -> billing, "
                + "languageNeeded: null -> de, skillsMatched: null -> billing, load: null -> 0/3, "
                + "considered: null -> olga:chosen,greta:current-assignee,karl:other-tier,marc:no-language,"
                + "tom:other-tier]", EventChanges.of(event).stream().map(c -> c.field() + ": " + c.from() + " -> "
                + c.to()).toList().toString());
        assertEquals("skills: billing, speaks de; load 0 of 3", event.reason());
    }

    @Test
    void aTeamWithoutARuleIsManual() {
        assertEquals(AssignmentMode.MANUAL, POLICIES.staffing().rule(new TeamName("security")).mode());
        assertEquals(AssignmentMode.MANUAL, Staffing.NONE.rule(new TeamName("billing")).mode());
    }

    /** An escalation sends the ticket to someone else: its turn would have brought it back to alice. */
    @Test
    void aTicketHandedUpATierGoesToSomeoneElseEvenWhenTheyWorkEveryTier() {
        Ticket desk = triaged("service-desk", Tier.of(2), Priority.NORMAL, "billing", "en", List.of());
        set("alice", Availability.AVAILABLE, 0, Instant.parse("2026-12-08T09:00:00Z"));
        set("bob", Availability.AVAILABLE, 0, Instant.parse("2026-12-08T09:30:00Z"));
        assertEquals(new PersonId("alice"), decide(desk, TUESDAY).chosen(), "her turn");
        AssignmentDecision decision = Assigner.decide(desk, POLICIES.staffing(), states, TUESDAY,
                new PersonId("alice"));
        assertEquals(new PersonId("bob"), decision.chosen());
        assertEquals("bob:chosen,alice:handed-up", considered(decision));
    }

    /** Who handed the ticket up: the holder an escalation or transfer up a tier cleared, and nobody otherwise. */
    @Test
    void theHolderAMoveUpATierClearedIsTheOneWhoHandedItUp() {
        Ticket desk = triaged("service-desk", Tier.of(1), Priority.NORMAL, "billing", "en", List.of());
        Actor sam = new Actor(Actor.Kind.SUPERVISOR, "sam");
        List<TicketEvent> trail = new ArrayList<>();
        TicketChange assigned = desk.assign(new PersonId("alice"), sam, TUESDAY);
        trail.addAll(assigned.events());
        Ticket held = assigned.after();
        assertNull(RoutingService.handedUpBy(new TicketHistory(held, trail)), "held, not handed on");

        TicketChange sideways = held.transfer(new TeamName("billing"), null, "billing question", false, sam, TUESDAY);
        List<TicketEvent> sidewaysTrail = new ArrayList<>(trail);
        sidewaysTrail.addAll(sideways.events());
        assertNull(RoutingService.handedUpBy(new TicketHistory(sideways.after(), sidewaysTrail)),
                "another team at the same tier: anyone may take it");

        TicketChange up = held.transfer(null, Tier.of(2), "needs an expert", false, sam, TUESDAY);
        trail.addAll(up.events());
        assertEquals(new PersonId("alice"), RoutingService.handedUpBy(new TicketHistory(up.after(), trail)));
    }
}
