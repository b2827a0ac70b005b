package io.tierline.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.FanOutMark;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.work.TicketWorkService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation engine's rules, one at a time, through the services the workers and the api call (sweep, firing,
 * escalation service, work service, after-write step) on in-memory fakes of the store, the due index and the outbox,
 * with a set clock: no emulator, milliseconds per rule. Every escalation message is delivered twice.
 *
 * <p>The policy is EscalationScenarioTest's: first response within 1 h, warning at 50 %; level 1 at the warning
 * notifies the assignee and the team's supervisor (sam), with 2 reminders 10 minutes apart; level 2 at the breach
 * raises the tier, adds the supervisor as watcher and notifies; level 3, 30 minutes later, notifies the manager (ada)
 * and whoever is on call (bob this week) and raises the priority. An acknowledgement holds for 30 minutes.
 */
class EscalationWalkRulesTest {
    static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
    static Policies policies;

    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    FakeWorld world;

    @BeforeAll
    static void policy() throws Exception {
        policies = PolicyDocument.parse(ScenarioPolicy.document());
    }

    @BeforeEach
    void world() {
        // the sweep looks no further than now, so every message goes out undelayed and the clock alone decides
        world = new FakeWorld(policies, MONDAY_0900_BERLIN, Duration.ZERO);
    }

    TicketId billingTicket(String email) {
        TicketId id = world.file(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT",
                "Our invoice is wrong."),
                new Requester("Pia", email, null, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
        assertEquals(new TeamName("billing"), world.ticket(id).team());
        return id;
    }

    Ticket ticket(TicketId id) {
        return world.ticket(id);
    }

    List<TicketEvent> trail(TicketId id) {
        return world.history(id).events();
    }

    void at(String instant) {
        world.clock.set(Instant.parse(instant));
    }

    void act(TicketId id, Principal who, TicketWorkService.Action action) {
        world.work.act(id, who, TicketWorkService.Guard.none(), action);
    }

    void acknowledge(TicketId id, Principal who) {
        act(id, who, (t, now) -> world.engine.acknowledge(t, who.actor(), now));
    }

    String told(TicketId id, int n) {
        return trail(id).stream().filter(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED)
                .map(TicketEvent::body).toList().get(n);
    }

    // ---- the walk up the levels -----------------------------------------------------------------------------------

    @Test
    void triageChoosesThePolicyAndArmsNothingBeforeTheFirstTrigger() {
        TicketId id = billingTicket("policy@example.com");
        assertEquals("scenario", ticket(id).escalation().policy());
        assertEquals(0, ticket(id).escalation().level());
        assertNull(ticket(id).escalation().nextStep(), "level 1 waits for the warning, not for a delay");
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"), ticket(id).nextDeadline().at(), "the warning at 50 %");
    }

    @Test
    void levelsRemindersAndTheDelayedLevelFireInOrderAtTheirMinutes() {
        TicketId id = billingTicket("walk@example.com");
        act(id, sam, (t, now) -> t.assign(new PersonId("alice"), sam.actor(), now));
        world.playUntil(Instant.parse("2026-11-23T11:00:00Z"));
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:40 ESCALATION_REMINDER",
                "08:50 ESCALATION_REMINDER", "09:00 SLA_BREACH", "09:00 ESCALATED", "09:00 CUSTOMER_UPDATED",
                "09:30 ESCALATED"), world.escalationTrail(id));
        assertEquals(List.of(1, 2, 3), EscalationRecord.of(trail(id)).stream().map(EscalationRecord::level).toList());
    }

    @Test
    void eachRecipientHearsOncePerLevelAndReminderThoughEveryMessageArrivedTwice() {
        TicketId id = billingTicket("keys@example.com");
        String t = id.value();
        act(id, sam, (ticket, now) -> ticket.assign(new PersonId("alice"), sam.actor(), now));
        world.playUntil(Instant.parse("2026-11-23T11:00:00Z"));
        assertEquals(Set.of(
                t + "/1/1/0/alice/email", t + "/1/1/0/sam/email",
                t + "/1/1/1/alice/email", t + "/1/1/1/sam/email",
                t + "/1/1/2/alice/email", t + "/1/1/2/sam/email",
                t + "/2/2/0/sam/email", t + "/2/2/0/customer/customer",
                t + "/3/3/0/ada/email", t + "/3/3/0/bob/email"), world.notifications(id),
                "level 1 and its two reminders to the assignee and supervisor, level 2 to the supervisor and the "
                        + "customer, level 3 to the manager and the on-call engineer (bob's week)");
        assertNull(ticket(id).escalation().fanOut(), "everything was handed to the notify queue");
    }

    @Test
    void theBreachLevelRaisesTheTierAndTheDelayedLevelThePriorityAndBothAddWatchers() {
        TicketId id = billingTicket("moves@example.com");
        world.playUntil(Instant.parse("2026-11-23T09:00:00Z"));
        assertEquals(Tier.EXPERT, ticket(id).tier(), "level 2 raised the tier");
        assertEquals(Priority.NORMAL, ticket(id).priority(), "level 2 leaves the priority");
        assertEquals(PersonId.all(List.of("sam")), ticket(id).watchers());
        world.playUntil(Instant.parse("2026-11-23T11:00:00Z"));
        Ticket walked = ticket(id);
        assertEquals(Priority.HIGH, walked.priority(), "level 3 raised the priority from normal");
        assertEquals(PersonId.all(List.of("sam", "ada", "bob")), walked.watchers());
        assertEquals(3, walked.escalation().level());
        assertNull(walked.escalation().nextStep(), "the last level has no step after it");
        assertNull(walked.nextDueAt(), "nothing is due any more, so the sweep no longer finds it");
    }

    @Test
    void theRecordNamesKindReasonPlacesAndWhoDecided() {
        TicketId id = billingTicket("record@example.com");
        world.playUntil(Instant.parse("2026-11-23T11:00:00Z"));
        EscalationRecord second = EscalationRecord.of(trail(id)).get(1);
        assertEquals("automatic", second.cause().kind());
        assertEquals("sla-breach", second.cause().reason());
        assertEquals("1", second.from().tier());
        assertEquals("2", second.to().tier());
        assertEquals("system:escalation", second.people().decidedBy());
        Placements placements = Placements.of(ticket(id), trail(id), Instant.parse("2026-11-23T11:00:00Z"));
        assertEquals(Duration.ofHours(1), placements.byTier().get("1"), "tier 1 from triage (08:00) to 09:00");
        assertEquals(Duration.ofHours(2), placements.byTier().get("2"));
    }

    @Test
    void theCustomerIsToldWhereTheRequestWentAndThatTheBreachIsAdmitted() {
        TicketId id = billingTicket("told@example.com");
        world.playUntil(Instant.parse("2026-11-23T09:00:00Z"));
        String told = told(id, 0);
        assertTrue(told.startsWith("Your request is now with our billing specialists (tier 2)."), told);
        assertTrue(told.contains("past the time we promised"), "the breach is admitted, not hidden: " + told);
        assertFalse(told.contains("priority"), "level 2 left the priority as it was, so nothing is said of it: "
                + told);
    }

    @Test
    void aDelayedLevelRunLateRecordsWhenItWasDueAndWhenItRan() {
        TicketId id = billingTicket("late@example.com");
        world.playUntil(Instant.parse("2026-11-23T09:00:00Z"));
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), ticket(id).escalation().nextStepAt(), "level 3");

        at("2026-11-23T09:30:40Z"); // the sweep that should have sent it ran 40 s late
        world.sweep.sweep(world.clock.instant());
        world.deliverEscalationWork();

        TicketEvent level3 = trail(id).stream().filter(e -> e.type() == TicketEvent.EventType.ESCALATED)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(3, ((TicketEvent.Escalated) level3).escalation().level().to());
        assertEquals(Instant.parse("2026-11-23T09:30:40Z"), level3.at(), "when it ran");
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), ((TicketEvent.Escalated) level3).dueAt(), "when it was due");
        TicketEvent warning = trail(id).stream().filter(e -> e.type() == TicketEvent.EventType.SLA_WARNING)
                .findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"), ((TicketEvent.SlaWarning) warning).dueAt(),
                "SLA warnings and breaches name their due instant the same way");
    }

    @Test
    void aStepFallingDueBeforeTheNextSweepIsSentAheadByTheWriteThatPlannedIt() {
        world = new FakeWorld(policies, MONDAY_0900_BERLIN, Duration.ofMinutes(2)); // the production window
        TicketId id = billingTicket("ahead@example.com");
        at("2026-11-23T08:29:30Z");
        act(id, sam, (t, now) -> t.agentReply("internal: checking", false, sam.actor(), now));
        assertEquals(List.of(Instant.parse("2026-11-23T08:30:00Z")), world.outbox.sent(
                DeadlineDue.class).stream().map(s -> s.visibleAt()).toList(),
                "the note's write sent the warning 30 s ahead, delayed to its second");
    }

    // ---- acknowledgement ------------------------------------------------------------------------------------------

    @Test
    void anAcknowledgementStopsTheRemindersAndTheWalkUntilItTimesOut() {
        TicketId id = billingTicket("ack@example.com");
        world.playUntil(Instant.parse("2026-11-23T08:35:00Z"));
        world.notifications(id);
        acknowledge(id, sam);
        assertEquals(EscalationState.Step.ACKNOWLEDGEMENT_TIMEOUT, ticket(id).escalation().nextStep());
        assertEquals(Instant.parse("2026-11-23T09:05:00Z"), ticket(id).escalation().nextStepAt());
        world.playUntil(Instant.parse("2026-11-23T09:04:00Z"));
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:35 ACKNOWLEDGED", "09:00 SLA_BREACH"),
                world.escalationTrail(id), "no reminder at 08:40 or 08:50, and the breach starts no level");
        assertEquals(Set.of(), world.notifications(id));
    }

    @Test
    void aPublicUpdateAfterTheAcknowledgementSettlesTheEpisode() {
        TicketId id = billingTicket("settle@example.com");
        world.playUntil(Instant.parse("2026-11-23T08:35:00Z"));
        world.notifications(id);
        acknowledge(id, sam);
        at("2026-11-23T08:50:00Z");
        act(id, sam, (t, now) -> t.agentReply("On it: the VAT rate was wrong, a corrected invoice follows", true,
                sam.actor(), now));
        EscalationState settled = ticket(id).escalation();
        assertEquals(0, settled.level());
        assertNull(settled.nextStep());
        world.playUntil(Instant.parse("2026-11-23T12:00:00Z"));
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:35 ACKNOWLEDGED"), world.escalationTrail(id),
                "no reminder, no breach, no further level");
        assertEquals(Set.of(), world.notifications(id));
    }

    @Test
    void anAcknowledgementTimingOutTriggersTheLevelAgainThenTheBreachLevelItHeldBack() {
        TicketId id = billingTicket("timeout@example.com");
        String t = id.value();
        world.playUntil(Instant.parse("2026-11-23T08:35:00Z"));
        world.notifications(id);
        acknowledge(id, sam);
        world.playUntil(Instant.parse("2026-11-23T09:06:00Z"));
        assertEquals(List.of("08:30 SLA_WARNING", "08:30 ESCALATED", "08:35 ACKNOWLEDGED", "09:00 SLA_BREACH",
                "09:05 ESCALATED", "09:05 ESCALATED", "09:05 CUSTOMER_UPDATED"), world.escalationTrail(id));
        assertEquals(Set.of(t + "/2/1/0/sam/email", t + "/3/2/0/sam/email", t + "/3/2/0/customer/customer"),
                world.notifications(id), "the acknowledger (sam, in the directory) hears of the level again");
        assertEquals("acknowledgement-timeout", EscalationRecord.of(trail(id)).get(1).cause().reason());
        assertEquals(2, ticket(id).escalation().level());
        assertEquals(Instant.parse("2026-11-23T09:35:00Z"), ticket(id).escalation().nextStepAt(),
                "level 3 is 30 minutes after level 2");
    }

    @Test
    void anAcknowledgementNeedsAnEscalationAndHoldsOnce() {
        TicketId id = billingTicket("twice@example.com");
        assertThrows(TicketActionException.class, () -> acknowledge(id, sam), "nothing to acknowledge yet");
        world.playUntil(Instant.parse("2026-11-23T08:31:00Z"));
        acknowledge(id, sam);
        TicketActionException again = assertThrows(TicketActionException.class, () -> acknowledge(id, alice));
        assertTrue(again.getMessage().startsWith("already acknowledged by sam"), again.getMessage());
    }

    // ---- escalations by hand --------------------------------------------------------------------------------------

    @Test
    void escalateToNextRunsTheNextLevelNowAndTheLastLevelHasNoNext() {
        TicketId id = billingTicket("next@example.com");
        at("2026-11-23T08:10:00Z");
        for (int level = 1; level <= 3; level++) {
            world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> world.engine.escalateToNext(
                    h.ticket(), h.events(), "by hand", sam.actor(), now));
            assertEquals(level, ticket(id).escalation().level());
        }
        assertThrows(TicketActionException.class, () -> world.work.actOnTrail(id, sam,
                TicketWorkService.Guard.none(), (h, now) -> world.engine.escalateToNext(h.ticket(), h.events(),
                        "again", sam.actor(), now)));
        assertEquals(List.of("supervisor:sam"), EscalationRecord.of(trail(id)).stream()
                .map(r -> r.people().decidedBy()).distinct().toList());
        assertEquals(Set.of("escalate-to-next"), EscalationRecord.of(trail(id)).stream()
                .map(r -> r.cause().reason()).collect(Collectors.toSet()));
    }

    @Test
    void anAgentsFunctionalEscalationWaitsForTheSupervisorsApprovalAndIsThenRecorded() {
        TicketId id = billingTicket("approve@example.com");
        String t = id.value();
        at("2026-11-23T08:05:00Z");
        ManualEscalation request = new ManualEscalation(EscalationKind.FUNCTIONAL,
                EscalationReason.LIMITED_KNOWLEDGE, "VAT rules for Austria", new TeamName("billing"), Tier.EXPERT,
                        false, null);
        world.work.actOnTrail(id, alice, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalateByHand(h,
                request, alice, now));
        assertNotNull(ticket(id).pendingTransfer(), "the bundled transfer policy: agents wait for a supervisor");
        assertEquals(Tier.FRONT_LINE, ticket(id).tier());
        assertEquals(List.of(), EscalationRecord.of(trail(id)));
        assertEquals(Set.of(), world.notifications(id));

        at("2026-11-23T08:15:00Z");
        world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> world.commands.decideTransfer(h,
                true, null, sam, now));
        Ticket approved = ticket(id);
        assertNull(approved.pendingTransfer());
        assertEquals(Tier.EXPERT, approved.tier());
        EscalationRecord record = EscalationRecord.of(trail(id)).get(0);
        assertEquals("functional", record.cause().kind());
        assertEquals("limited-knowledge", record.cause().reason());
        assertEquals("supervisor:sam", record.people().decidedBy());
        assertEquals("1", record.from().tier());
        assertEquals("2", record.to().tier());
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), world.notifications(id),
                "the approval's write sent its notifications");
    }

    @Test
    void aSupervisorsFunctionalEscalationHappensAtOnce() {
        TicketId id = billingTicket("direct@example.com");
        world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalateByHand(h,
                new ManualEscalation(EscalationKind.FUNCTIONAL, EscalationReason.LIMITED_KNOWLEDGE, null, null, null,
                        true, null), sam, now));
        assertNull(ticket(id).pendingTransfer());
        assertEquals(Tier.EXPERT, ticket(id).tier(), "the next tier");
        assertEquals("supervisor:sam", EscalationRecord.of(trail(id)).get(0).people().decidedBy());
    }

    @Test
    void aHierarchicalEscalationGoesToTheManagerAndMakesThemAWatcher() {
        TicketId id = billingTicket("manager@example.com");
        world.work.actOnTrail(id, alice, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalateByHand(h,
                new ManualEscalation(EscalationKind.HIERARCHICAL, EscalationReason.LIMITED_AUTHORITY, null, null,
                        null, false, Seniority.MANAGER), alice, now));
        EscalationRecord record = EscalationRecord.of(trail(id)).get(0);
        assertEquals("hierarchical", record.cause().kind());
        assertEquals("ada", record.people().person());
        assertEquals(PersonId.all(List.of("ada")), ticket(id).watchers());
        assertEquals(Set.of(id.value() + "/1/0/0/ada/email", id.value() + "/1/0/0/customer/customer"),
                world.notifications(id));
    }

    // ---- the customer's requests ----------------------------------------------------------------------------------

    TicketHistory customerRequest(TicketId id, String reason) {
        String token = world.tokens.tokenFor(ticket(id));
        Actor customer = Actor.customer(ticket(id).requester().email());
        return world.work.actAsCustomerOnTrail(id, token, TicketWorkService.Guard.none(),
                (h, now) -> world.engine.customerRequest(h.ticket(), h.events(), reason, customer, now)).history();
    }

    @Test
    void aCustomerRequestedEscalationGoesToTheSupervisorAndIsRecordedAsTheCustomers() {
        TicketId id = billingTicket("asks@example.com");
        String t = id.value();
        at("2026-11-23T08:10:00Z");
        TicketHistory answered = customerRequest(id, "Nobody answers and we are invoiced wrongly");
        assertTrue(answered.events().stream().anyMatch(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED),
                "the customer sees the update on their page");
        assertTrue(answered.events().stream().noneMatch(e -> e.type() == TicketEvent.EventType.ESCALATED),
                "the internal record stays internal");
        EscalationRecord record = EscalationRecord.of(trail(id)).get(0);
        assertEquals("hierarchical", record.cause().kind());
        assertEquals("customer-request", record.cause().reason());
        assertTrue(record.cause().customerRequested());
        assertEquals("sam", record.people().person());
        assertEquals("customer:asks@example.com", record.people().decidedBy());
        assertEquals(PersonId.all(List.of("sam")), ticket(id).watchers());
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), world.notifications(id));
        assertEquals("We received your request to escalate. A senior member of our billing team is now overseeing "
                + "your request. We expect to answer by Mon 23 Nov 2026, 09:00 UTC.", told(id, 0));
    }

    @Test
    void fourRequestsWithinAMinuteMailTheSupervisorOnceAndAreAllRecordedAndAnswered() {
        TicketId id = billingTicket("clicks@example.com");
        String t = id.value();
        at("2026-11-23T08:10:00Z");
        for (int click = 1; click <= 4; click++) {
            customerRequest(id, "Please hurry (" + click + ")");
            world.clock.advance(Duration.ofSeconds(15));
        }
        assertEquals(Set.of(t + "/1/0/0/sam/email", t + "/1/0/0/customer/customer"), world.notifications(id),
                "one email to sam and one to the customer, for the first request only");
        assertEquals(4, trail(id).stream().filter(e -> e.type() == TicketEvent.EventType.ESCALATION_REQUESTED)
                .count(), "every request is recorded");
        assertEquals(1, EscalationRecord.of(trail(id)).size());
        assertTrue(EscalationEngine.lastRequestWasAlreadyEscalated(trail(id)));
        assertEquals(4, trail(id).stream().filter(e -> e.type() == TicketEvent.EventType.CUSTOMER_UPDATED).count(),
                "each request is answered on the status page");
        assertTrue(told(id, 3).startsWith("We received your request to escalate. It is already with a senior member "
                + "of our billing team (since Mon 23 Nov 2026, 08:10 UTC)."), told(id, 3));
    }

    @Test
    void aRequestAfterNotifyAgainAfterAlertsTheSupervisorAgain() {
        TicketId id = billingTicket("later@example.com");
        at("2026-11-23T08:10:00Z");
        customerRequest(id, "Nobody answers");
        world.clock.advance(policies.escalation().requests().notifyAgainAfter().plusMinutes(1));
        customerRequest(id, "Still nobody");
        assertEquals(2, EscalationRecord.of(trail(id)).size(), "four hours on (the default), sam is told again");
        assertEquals(4, world.notifications(id).size());
    }

    // ---- notifications ----------------------------------------------------------------------------------------------

    @Test
    void nonUrgentNotificationsWaitForTheRecipientsWorkingHoursAndUrgentOnesDoNot() {
        world.clock.set(Instant.parse("2026-11-23T20:00:00Z")); // Monday 21:00 in Berlin: the office is closed
        TicketId id = billingTicket("night@example.com");
        world.playUntil(Instant.parse("2026-11-23T20:31:00Z"));
        List<NotificationRequested> sent = world.notificationsSent(id).stream()
                .filter(n -> n.occasion().level() == 1 && n.occasion().repeat() == 0).toList();
        assertEquals(Set.of("sam"), sent.stream().map(n -> n.target().recipient()).collect(Collectors.toSet()));
        assertTrue(sent.stream().allMatch(n -> Instant.parse("2026-11-24T08:00:00Z").equals(n.schedule().notBefore())),
                "deferred to Tuesday 09:00 Berlin: " + sent);

        at("2026-11-23T20:32:00Z");
        act(id, sam, (ticket, now) -> ticket.changeLevels(null, null, Priority.URGENT, "customer's payroll blocked",
                sam.actor(), now));
        world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> world.engine.escalateToNext(
                h.ticket(), h.events(), "payroll", sam.actor(), now));
        List<NotificationRequested> urgent = world.notificationsSent(id).stream()
                .filter(n -> n.target().recipient().equals("sam")).toList();
        assertEquals(1, urgent.size());
        assertTrue(urgent.get(0).content().urgent());
        assertNull(urgent.get(0).schedule().notBefore(), "urgent: at once, night or not");
    }

    @Test
    void aFanOutLostToAnUnreachableQueueStaysMarkedAndTheNextSweepSendsIt() {
        TicketId id = billingTicket("lost@example.com");
        at("2026-11-23T08:10:00Z");
        world.outbox.failing(true);
        customerRequest(id, "Nobody answers"); // the answer succeeds although nothing could be sent
        world.outbox.failing(false);
        assertEquals(new FanOutMark(1, 0, 0), ticket(id).escalation().fanOut(), "the mark stays");
        assertFalse(ticket(id).nextDueAt().isAfter(world.clock.instant()), "due at once in the index");
        assertEquals(Set.of(), world.notifications(id));

        world.sweep.sweep(world.clock.instant());
        List<EscalationDue> repair = world.outbox.take(EscalationDue.class, world.clock.instant());
        assertEquals(1, repair.size());
        assertEquals(EscalationService.Outcome.FANNED_OUT, world.escalations.due(repair.get(0)));
        assertEquals(EscalationService.Outcome.NOTHING_DUE, world.escalations.due(repair.get(0)), "a duplicate");
        assertEquals(Set.of(id.value() + "/1/0/0/sam/email", id.value() + "/1/0/0/customer/customer"),
                world.notifications(id));
        assertNull(ticket(id).escalation().fanOut());
    }

    @Test
    void aStepMessageForAMissingTicketChangesNothing() {
        assertEquals(EscalationService.Outcome.TICKET_MISSING, world.escalations.due(new EscalationDue(
                TicketId.next(world.clock), MONDAY_0900_BERLIN)));
        assertEquals(0, world.store.writes());
    }

    @Test
    void aClosedTicketHasNoEscalationWork() {
        TicketId id = billingTicket("closed@example.com");
        world.playUntil(Instant.parse("2026-11-23T08:31:00Z"));
        act(id, sam, (t, now) -> t.resolve("fixed", null, sam.actor(), now));
        act(id, sam, (t, now) -> t.moveTo(Status.CLOSED, sam.actor(), now, "done"));
        assertNull(ticket(id).nextDueAt());
        int writes = world.store.writes();
        assertEquals(EscalationService.Outcome.NOTHING_DUE, world.escalations.due(new EscalationDue(id,
                Instant.parse("2026-11-23T08:40:00Z"))));
        assertEquals(writes, world.store.writes());
    }
}
