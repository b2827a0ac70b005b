package io.tierline.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.TicketReports;
import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation reviews on a known history, counted by the projection as the store writes each change: every
 * figure is the exact count of what was done.
 */
class ReviewsTest {
    static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-11-23");
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    final Principal bob = Principal.inTeams("bob", Role.AGENT, Set.of("billing"));
    final Principal carol = Principal.inTeams("carol", Role.AGENT, Set.of("billing"));
    FakeWorld world;
    ReviewService reviews;

    @BeforeEach
    void world() throws Exception {
        world = new FakeWorld(PolicyDocument.parse(ScenarioPolicy.document()), MONDAY, Duration.ofMinutes(2));
        reviews = new ReviewService(world.store.reports());
    }

    TicketId ticket(String email, String customerId) {
        return world.file(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT", "Our invoice is wrong."),
                new Requester("Pia", email, customerId, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
    }

    void act(TicketId id, BiFunction<Ticket, Instant, TicketChange> action) {
        world.clock.advance(Duration.ofMinutes(5));
        world.store.apply(List.of(action.apply(world.ticket(id), world.clock.instant())), Optional.empty());
    }

    void escalate(TicketId id, Principal who, EscalationReason reason) {
        world.clock.advance(Duration.ofMinutes(5));
        var history = world.history(id);
        world.store.apply(List.of(world.engine.escalateByHand(history.ticket(), history.events(),
                new ManualEscalation(EscalationKind.FUNCTIONAL, reason, "please", null, null, true, null), false,
                who.actor(), world.clock.instant())), Optional.empty());
    }

    /**
     * Assigned to the agent, escalated by them (then assigned to carol at tier 2, who solves it) or solved by them,
     * with a root cause, rated.
     */
    TicketId handled(Principal agent, String customer, boolean escalated, String rootCause, Integer rating) {
        TicketId id = ticket(customer + "@example.com", customer);
        act(id, (t, now) -> t.assign(agent.person(), agent.actor(), now));
        if (escalated) {
            escalate(id, agent, EscalationReason.LIMITED_KNOWLEDGE);
            act(id, (t, now) -> t.assign(carol.person(), carol.actor(), now));
        }
        Principal solver = escalated ? carol : agent;
        act(id, (t, now) -> t.resolve("Fixed.", rootCause, solver.actor(), now));
        if (rating != null) {
            act(id, (t, now) -> t.rateSatisfaction(rating, null, Actor.customer(customer + "@example.com"), now));
        }
        return id;
    }

    /** Carol received the escalation; TicketCommands finds from the trail who sent it. */
    void feedback(TicketId id, EscalationFeedback feedback, String comment) {
        world.clock.advance(Duration.ofMinutes(5));
        world.store.apply(List.of(world.commands.escalationFeedback(world.history(id), 1, feedback, comment,
                Principal.inTeams("carol", Role.AGENT, Set.of("billing", "billing-l2")), world.clock.instant())),
                Optional.empty());
    }

    ReviewService.Reviews all() {
        return reviews.reviews(new ReviewService.Scope(DAY, DAY.plusDays(6), Optional.empty(), Optional.empty()),
                new RootCauses(List.of("product-defect", "user-error")));
    }

    @Test
    void agentsCustomersCategoriesCausesAndSatisfactionCountWhatWasDone() {
        handled(alice, "acme", true, "Product-Defect", 2);
        handled(alice, "acme", true, "product-defect", 3);
        handled(alice, "acme", false, "user-error", 5);
        handled(alice, "zeta", false, null, null);
        handled(bob, "zeta", false, "printer on fire", 4);
        handled(bob, "omega", false, "user-error", 5);

        ReviewService.Reviews r = all();
        List<ReviewService.AgentReview> agents = r.people().agents();
        assertEquals(List.of("alice", "bob", "carol"),
                agents.stream().map(ReviewService.AgentReview::agent).toList(), agents.toString());
        ReviewService.AgentReview a = r.people().agents().get(0);
        assertEquals(4, a.work().handled());
        assertEquals(2, a.work().solved());
        assertEquals(2, a.escalations().escalated());
        assertEquals(Map.of("functional", 2L), a.escalations().byKind());
        assertEquals(Map.of("limited-knowledge", 2L), a.escalations().byReason());
        assertEquals(0.5, a.escalations().escalationRate());
        assertEquals(0.25, a.escalations().teamEscalationRate(), "2 escalations over the team's 8 assignments");
        assertEquals(0, a.escalations().solvedEscalated());
        assertEquals(5.0, a.quality().satisfaction());
        assertEquals(1.0, a.quality().slaCompliance());
        ReviewService.AgentReview c = r.people().agents().get(2);
        assertEquals(2, c.escalations().solvedEscalated(), "solved at the tier escalated to");
        assertEquals(2.5, c.quality().satisfaction());
        ReviewService.AgentReview b = r.people().agents().get(1);
        assertEquals("bob", b.agent());
        assertEquals(0, b.escalations().escalated());
        assertEquals(0.0, b.escalations().escalationRate());
        assertEquals(4.5, b.quality().satisfaction());

        // acme escalates most: 2 of 3 against the average 2 of 6, so 100% above it
        ReviewService.CustomerReview acme = r.people().customers().get(0);
        assertEquals("id:acme", acme.customer());
        assertEquals(3, acme.escalations().tickets());
        assertEquals(2, acme.escalations().escalated());
        assertEquals(0.6667, acme.escalations().escalationRate());
        assertEquals(1.0, acme.shareAboveAverage());
        assertEquals(3.3333, acme.service().satisfaction());
        assertEquals(List.of("id:acme", "id:omega", "id:zeta"),
                r.people().customers().stream().map(ReviewService.CustomerReview::customer).toList());

        assertEquals(List.of("product-defect", "user-error", "other"),
                r.volume().rootCauses().stream().map(ReviewService.CauseReview::cause).toList());
        assertEquals(2, r.volume().rootCauses().get(0).total());
        assertEquals(Map.of("2026-11", 2L), r.volume().rootCauses().get(0).byMonth());
        assertEquals(1, r.volume().rootCauses().get(2).total(), "free text outside the taxonomy is other");

        ReviewService.VolumeReview team = r.volume().teams().get(0);
        assertEquals(6, team.flow().volume());
        assertEquals(2, team.flow().escalated());
        assertEquals(List.of("product-defect", "user-error", "other"), team.topCauses());
        assertEquals(Map.of("2", 2L), team.flow().escalatedToTier());
        assertNull(team.category());

        ReviewService.SatisfactionReview escalated = r.satisfaction().stream()
                .filter(s -> s.group().endsWith(" escalated")).findFirst().orElseThrow();
        assertEquals(2, escalated.ratings());
        assertEquals(2.5, escalated.average());
        assertEquals(Map.of("1", 0L, "2", 1L, "3", 1L, "4", 0L, "5", 0L), escalated.distribution());
    }

    @Test
    void followUpsAndEscalationFeedbackAreCountedPerAgentAndPerTeam() {
        TicketId held = handled(alice, "acme", false, "user-error", null);
        TicketId failed = handled(alice, "zeta", false, "user-error", null);
        TicketId complete = handled(alice, "acme", true, "product-defect", null);
        TicketId incomplete = handled(alice, "omega", true, "product-defect", null);
        act(held, (t, now) -> t.answerFollowUp(1, new FollowUpAnswer(true, null), null, Actor.customer("acme@example.com"), now));
        act(failed, (t, now) -> t.answerFollowUp(1, new FollowUpAnswer(false, null), null, Actor.customer("zeta@example.com"), now));
        act(complete, (t, now) -> t.answerFollowUp(1, new FollowUpAnswer(true, null), null, Actor.customer("acme@example.com"), now));
        feedback(complete, new EscalationFeedback(true, true), null);
        feedback(incomplete, new EscalationFeedback(true, false), "no logs");

        ReviewService.Reviews r = all();
        ReviewService.AgentReview a = r.people().agents().get(0);
        assertEquals("alice", a.agent());
        assertEquals(2, a.followUps().followUps());
        assertEquals(0.5, a.followUps().stayedSolvedRate(), "one of the two tickets alice solved came back");
        assertEquals(2, a.feedback().feedbackReceived(), "the feedback on alice's escalations is hers");
        assertEquals(1.0, a.feedback().shares().feedbackNeededRate());
        assertEquals(0.5, a.feedback().shares().feedbackCompleteRate());
        assertEquals(2, a.feedback().escalationsSettled(),
                "both solved by carol at tier 2, with no escalation after alice's");
        ReviewService.AgentReview c = r.people().agents().get(1);
        assertEquals("carol", c.agent());
        assertEquals(0, c.feedback().feedbackReceived(), "carol gave it");
        assertEquals(0, c.feedback().escalationsSettled());
        assertEquals(1, c.followUps().followUps());
        assertEquals(1.0, c.followUps().stayedSolvedRate());

        ReviewService.VolumeReview team = r.volume().teams().get(0);
        assertEquals(3, team.followUps().followUps());
        assertEquals(0.6667, team.followUps().stayedSolvedRate());
        assertEquals(2, team.feedback().feedback());
        assertEquals(1.0, team.feedback().shares().feedbackNeededRate());
        assertEquals(0.5, team.feedback().shares().feedbackCompleteRate());
        ReviewService.VolumeReview category = r.volume().categories().get(0);
        assertEquals(2, category.feedback().feedback());
        assertEquals(0.5, category.feedback().shares().feedbackCompleteRate());
    }

    /** Routing's assignment is the agent's ticket as much as a supervisor's; only the latest rating counts. */
    @Test
    void anAutomaticAssignmentIsHandledAndARatingReplacedTheNextDayCountsOnce() {
        TicketId id = ticket("acme@example.com", "acme");
        AssignmentFacts facts = new AssignmentFacts("round-robin", AssignmentFacts.SkillMatch.NONE,
                new AssignmentFacts.Load(0, 3, false), List.of());
        act(id, (t, now) -> t.autoAssign(bob.person(), facts, Actor.system("routing"), now));
        act(id, (t, now) -> t.resolve("Fixed.", null, bob.actor(), now));
        act(id, (t, now) -> t.rateSatisfaction(2, null, Actor.customer("acme@example.com"), now));
        world.clock.advance(Duration.ofDays(1));
        act(id, (t, now) -> t.rateSatisfaction(5, "it held after all", Actor.customer("acme@example.com"), now));

        ReviewService.AgentReview b = all().people().agents().get(0);
        assertEquals("bob", b.agent());
        assertEquals(1, b.work().handled(), "auto-assigned, then solved");
        assertEquals(1, b.work().solved());
        assertEquals(5.0, b.quality().satisfaction(), "the 2 the 5 replaced no longer counts");
        ReviewService.SatisfactionReview tier = all().satisfaction().get(0);
        assertEquals(1, tier.ratings());
        assertEquals(Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 1L), tier.distribution());
        ReviewService.Reviews firstDay = reviews.reviews(new ReviewService.Scope(DAY, DAY, Optional.empty(),
                Optional.empty()), RootCauses.DEFAULT);
        assertEquals(0, firstDay.satisfaction().stream().mapToLong(ReviewService.SatisfactionReview::ratings).sum(),
                "the replaced rating left the day it was given");
    }

    @Test
    void aCustomersMostFrequentCategoriesAreTheirTopThreeByTicketsSolved() {
        for (String category : List.of("vat", "refund", "vat", "login", "api", "refund", "vat")) {
            // filed with its category and not triaged, so the category is the one given
            TicketId id = world.intake.submit(new TicketDraft(new TicketDraft.Asked("Question", "Please help."),
                    new Requester("Pia", "acme@example.com", "acme", "basic"), Channel.WEB,
                    new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                    new TicketDraft.Topic(category, List.of())), Actor.customer("acme@example.com"), Optional.empty())
                    .ticket().id();
            act(id, (t, now) -> t.assign(alice.person(), alice.actor(), now));
            act(id, (t, now) -> t.resolve("Answered.", null, alice.actor(), now));
        }
        ReviewService.CustomerReview acme = all().people().customers().get(0);
        assertEquals(7, acme.escalations().tickets());
        assertEquals(List.of("vat", "refund", "api"), acme.topCategories(), "3 vat, 2 refund, then api before login");
    }

    @Test
    void anAgentSeesOnlyTheirOwnRowAndAnotherTeamFiltersEverythingOut() {
        handled(alice, "acme", true, "product-defect", 2);
        handled(bob, "zeta", false, "user-error", 5);
        ReviewService.Reviews own = reviews.reviews(new ReviewService.Scope(DAY, DAY, Optional.empty(),
                Optional.of("bob")), RootCauses.DEFAULT);
        assertEquals(List.of("bob"), own.people().agents().stream().map(ReviewService.AgentReview::agent).toList());
        assertEquals(0.3333, own.people().agents().get(0).escalations().teamEscalationRate(),
                "the team's rate is theirs to compare with");
        assertEquals(List.of(), own.people().customers());
        assertEquals(List.of(), own.volume().rootCauses());
        ReviewService.Reviews other = reviews.reviews(new ReviewService.Scope(DAY, DAY, Optional.of("network"),
                Optional.empty()), RootCauses.DEFAULT);
        assertEquals(List.of(), other.people().agents());
        assertEquals(List.of(), other.people().customers());
    }

    @Test
    void timeInTierAndTeamAreTheMedianAndP90OfTheStaysThatEnded() {
        for (int i = 0; i < 4; i++) {
            handled(bob, "zeta", false, "user-error", null); // tier 1: assigned after 5 min, solved 5 min later
        }
        TicketId slow = ticket("slow@example.com", "slow");
        world.clock.advance(Duration.ofHours(3));
        act(slow, (t, now) -> t.assign(bob.person(), bob.actor(), now));
        act(slow, (t, now) -> t.resolve("Fixed.", null, bob.actor(), now)); // 3 h 10 min in tier 1
        handled(alice, "acme", true, "product-defect", null); // 10 min in tier 1, 10 in tier 2, 20 in the team
        TicketId reopened = handled(bob, "zeta", false, null, null); // 10 min, then 3 days solved
        world.clock.advance(Duration.ofDays(3));
        act(reopened, (t, now) -> t.reopen("Still broken.", Actor.customer("zeta@example.com"), now));
        act(reopened, (t, now) -> t.resolve("Fixed again.", null, bob.actor(), now)); // 5 min after the reopen

        ReviewService.VolumeReview team = reviews.reviews(new ReviewService.Scope(DAY, DAY.plusDays(6),
                Optional.empty(), Optional.empty()), RootCauses.DEFAULT).volume().teams().get(0);
        TimeSpent time = team.timeSpent();
        // tier 1: six stays of 10 min, one of 3 h 10 min (under the 4 h edge), one of 5 min after the reopen (the
        // 3 days it sat solved are nobody's): the 4th of 8 is 10 min, the 8th of 8 is 4 h
        assertEquals(new TimeSpent.Stays(8, 10L, 240L), time.inTier().get("1"), time.toString());
        assertEquals(new TimeSpent.Stays(1, 10L, 10L), time.inTier().get("2"));
        assertEquals(new TimeSpent.Stays(8, 10L, 240L), time.inTeam(), "the escalated ticket's 20 min count once");
        assertEquals(Set.of("1", "2"), time.inTier().keySet());
    }

    @Test
    void aStayFallsInTheSmallestBucketItFitsUnder() {
        assertEquals(1, TimeSpent.edgeOf(Duration.ZERO));
        assertEquals(1, TimeSpent.edgeOf(Duration.ofSeconds(60)));
        assertEquals(2, TimeSpent.edgeOf(Duration.ofSeconds(61)));
        assertEquals(240, TimeSpent.edgeOf(Duration.ofMinutes(190)));
        assertEquals(525600, TimeSpent.edgeOf(Duration.ofDays(800)), "longer than a year: the last bucket");
        assertEquals(new TimeSpent.Stays(4, 5L, 60L), TimeSpent.of(Map.of("stay-team-le5", 2L, "stay-team-le60", 2L,
                "stay-tier1-le5", 1L, "escalated", 9L)).inTeam(), "nearest rank: the 2nd of 4, the 4th of 4");
    }

    @Test
    void theTicketsBehindARootCauseAreOneQueryAwayNewestFirst() {
        TicketId escalated = handled(alice, "acme", true, "Product-Defect", null);
        TicketId defect = handled(bob, "zeta", false, "product-defect", null);
        TicketId fire = handled(bob, "omega", false, "printer on fire", null);
        handled(alice, "acme", false, "user-error", null);
        RootCauses taxonomy = new RootCauses(List.of("product-defect", "user-error"));
        ReviewService.Scope week = new ReviewService.Scope(DAY, DAY.plusDays(6), Optional.empty(), Optional.empty());

        ReviewService.CauseTickets defects = reviews.causeTickets(week, taxonomy, "product-defect", false, 10);
        assertEquals(List.of(defect.value(), escalated.value()), ids(defects));
        assertEquals(List.of(false, true), defects.tickets().stream().map(TicketReports.SolvedTicket::escalated)
                .toList());
        assertEquals("Product-Defect", defects.tickets().get(1).rootCause(), "as the agent wrote it");
        assertFalse(defects.more());
        assertEquals(List.of(escalated.value()), ids(reviews.causeTickets(week, taxonomy, "product-defect", true,
                10)), "only the escalated ones");
        ReviewService.CauseTickets other = reviews.causeTickets(week, taxonomy, "other", false, 10);
        assertEquals(List.of(fire.value()), ids(other));
        assertEquals(List.of("printer on fire"), other.written());
        ReviewService.CauseTickets newest = reviews.causeTickets(week, taxonomy, "product-defect", false, 1);
        assertEquals(List.of(defect.value()), ids(newest));
        assertTrue(newest.more());
        assertEquals(List.of(), reviews.causeTickets(new ReviewService.Scope(DAY, DAY.plusDays(6),
                Optional.of("network"), Optional.empty()), taxonomy, "product-defect", false, 10).tickets());
        assertEquals(List.of(), reviews.causeTickets(new ReviewService.Scope(DAY.plusDays(1), DAY.plusDays(6),
                Optional.empty(), Optional.empty()), taxonomy, "product-defect", false, 10).tickets(),
                "solved on the first day");
    }

    static List<String> ids(ReviewService.CauseTickets found) {
        return found.tickets().stream().map(TicketReports.SolvedTicket::id).toList();
    }

    @Test
    void anEscalationThatWaitedForApprovalIsTheAgentsWhoAskedNotTheApprovers() {
        Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
        TicketId id = ticket("acme@example.com", "acme");
        act(id, (t, now) -> t.assign(alice.person(), alice.actor(), now));
        world.clock.advance(Duration.ofMinutes(5));
        var asked = world.history(id);
        world.store.apply(List.of(world.engine.escalateByHand(asked.ticket(), asked.events(),
                new ManualEscalation(EscalationKind.FUNCTIONAL, EscalationReason.LIMITED_KNOWLEDGE, "please", null,
                        null, true, null), true, alice.actor(), world.clock.instant())), Optional.empty());
        assertEquals(1, world.ticket(id).tier().number(), "waiting for approval");
        world.clock.advance(Duration.ofMinutes(5));
        world.store.apply(List.of(world.commands.decideTransfer(world.history(id), true, null, sam,
                world.clock.instant())), Optional.empty());
        assertEquals(2, world.ticket(id).tier().number());
        act(id, (t, now) -> t.assign(carol.person(), carol.actor(), now));
        act(id, (t, now) -> t.resolve("Fixed.", null, carol.actor(), now));

        ReviewService.Reviews r = all();
        assertEquals(List.of("alice", "carol"),
                r.people().agents().stream().map(ReviewService.AgentReview::agent).toList(), "sam only approved it");
        ReviewService.AgentReview a = r.people().agents().get(0);
        assertEquals(1, a.escalations().escalated());
        assertEquals(Map.of("limited-knowledge", 1L), a.escalations().byReason());
        assertEquals(1, a.feedback().escalationsSettled(), "solved at the tier alice asked for");
        TicketEvent.Escalated escalated = world.history(id).events().stream()
                .filter(e -> e instanceof TicketEvent.Escalated).map(e -> (TicketEvent.Escalated) e)
                .findFirst().orElseThrow();
        assertEquals("sam", escalated.actor().id(), "the trail still says who approved it");
        assertEquals("alice", escalated.escalatedBy().id());
    }

    @Test
    void rootCausesAreCountedPerProductAreaFromTheProductTags() {
        for (List<String> tags : List.of(List.of("product-invoicing"), List.of("product-invoicing", "product-api"),
                List.of("vip"))) {
            TicketId id = world.file(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT",
                    "Our invoice is wrong."),
                    new Requester("Pia", "pia@example.com", "acme", "basic"), Channel.WEB,
                    new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, tags)));
            act(id, (t, now) -> t.assign(bob.person(), bob.actor(), now));
            act(id, (t, now) -> t.resolve("Fixed.", "product-defect", bob.actor(), now));
        }
        ReviewService.CauseReview defects = all().volume().rootCauses().get(0);
        assertEquals(3, defects.total());
        assertEquals(Map.of("invoicing", 2L, "api", 1L), defects.byProductArea(),
                "a ticket of two areas counts in both, one of none in none");
        assertEquals(Map.of("2026-11", 3L), defects.byMonth());
    }
}
