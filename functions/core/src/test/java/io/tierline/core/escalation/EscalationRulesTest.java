package io.tierline.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.json.Json;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules on one ticket kept in memory (what the store would write, applied in order) with a set clock:
 * when timed steps are recorded, what the customer is told, and how repeated customer requests are answered.
 * EscalationScenarioTest plays the same rules through DynamoDB Local and the queues.
 */
class EscalationRulesTest {
    static final Instant TRIAGED = Instant.parse("2026-11-23T08:00:00Z");
    final SettableClock clock = new SettableClock(TRIAGED);
    final Actor customer = Actor.customer("pia@example.com");

    /** The bundled document (billing: supervisor sam, manager ada) with a 1 h first response and these levels. */
    static Policies policies(String escalationPolicies, String escalationRequests) throws Exception {
        ObjectNode doc;
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        doc.set("slaPolicies", Json.parse("""
                [{"name": "rules", "calendar": "24x7", "metrics": {"firstResponse": {"target": "1h"}}}]"""));
        doc.set("escalationPolicies", Json.parse(escalationPolicies));
        if (escalationRequests != null) {
            doc.set("escalationRequests", Json.parse(escalationRequests));
        }
        return PolicyDocument.parse(doc.toString());
    }

    /** One ticket and its trail, changed the way the store changes it (every change passes the clock keeper). */
    static final class Kept {
        final ClockKeeper keeper;
        Ticket ticket;
        final List<TicketEvent> trail = new ArrayList<>();

        Kept(ClockKeeper keeper, TicketChange created) {
            this.keeper = keeper;
            apply(created);
        }

        void apply(TicketChange change) {
            TicketChange tracked = keeper.track(change, List.copyOf(trail));
            ticket = tracked.after();
            trail.addAll(tracked.events());
        }

        List<TicketEvent> of(TicketEvent.EventType type) {
            return trail.stream().filter(e -> e.type() == type).toList();
        }

        String told() {
            return of(TicketEvent.EventType.CUSTOMER_UPDATED).get(of(TicketEvent.EventType.CUSTOMER_UPDATED).size() - 1)
                    .body();
        }
    }

    EscalationEngine engine;

    Kept billingTicket(Policies policies) {
        engine = new EscalationEngine(policies::escalation, new ClockKeeper(policies::sla));
        ClockKeeper keeper = new ClockKeeper(policies::sla, engine::follow);
        Kept kept = new Kept(keeper, Ticket.open(TicketId.next(clock),
                new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT", "Our invoice is wrong."),
                new Requester("Pia", "pia@example.com", null, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                new TicketDraft.Topic(null, List.of())), "salt", customer, TRIAGED));
        kept.apply(kept.ticket.triage(new TriageDecision(Priority.NORMAL, new TeamName("billing"), Tier.FRONT_LINE,
                "billing",
                "rules"), Actor.system("triage"), TRIAGED));
        return kept;
    }

    static final io.tierline.core.ticket.DeadlineKey FIRST_RESPONSE_BREACH = new io.tierline.core.ticket.DeadlineKey(
            SlaMetric.FIRST_RESPONSE, 1, 100);

    static Instant dueAt(TicketEvent e) {
        return e.dueAt();
    }

    // ---- timed steps record when they were due and when they ran ------------------------------------------------

    @Test
    void delayedLevelsRemindersAndAcknowledgementTimeoutsRecordTheirDueInstantAndWhenTheyRan() throws Exception {
        Kept t = billingTicket(policies("""
                [{"name": "rules", "acknowledgementTimeout": "30m",
                  "levels": [{"trigger": {"after": "10m"}, "targets": [{"role": "supervisor"}], "actions": ["notify"],
                              "repeat": {"every": "5m", "times": 1}}]}]""", null));
        Instant levelDue = Instant.parse("2026-11-23T08:10:00Z");
        assertEquals(levelDue, t.ticket.escalation().nextStepAt());

        clock.set(levelDue.plusSeconds(40)); // the sweep ran 40 s late
        t.apply(engine.stepDue(t.ticket, t.trail, clock.instant()).orElseThrow());
        TicketEvent level = t.of(TicketEvent.EventType.ESCALATED).get(0);
        assertEquals(levelDue.plusSeconds(40), level.at(), "recorded when it ran");
        assertEquals(levelDue, dueAt(level), "and when it was due");
        assertEquals(levelDue, EscalationRecord.of(t.trail).get(0).timing().dueAt());
        assertEquals(levelDue.plusSeconds(40), EscalationRecord.of(t.trail).get(0).timing().at());
        assertEquals(Instant.parse("2026-11-23T08:15:00Z"), t.ticket.escalation().nextStepAt(),
                "the level's timers run from its due instant: lateness does not add up");

        clock.set(Instant.parse("2026-11-23T08:15:40Z"));
        t.apply(engine.stepDue(t.ticket, t.trail, clock.instant()).orElseThrow());
        TicketEvent reminder = t.of(TicketEvent.EventType.ESCALATION_REMINDER).get(0);
        assertEquals(Instant.parse("2026-11-23T08:15:40Z"), reminder.at());
        assertEquals(Instant.parse("2026-11-23T08:15:00Z"), dueAt(reminder));

        clock.set(Instant.parse("2026-11-23T08:16:00Z"));
        t.apply(engine.acknowledge(t.ticket, new Actor(Actor.Kind.AGENT, "sam"), clock.instant()));
        assertNull(dueAt(t.of(TicketEvent.EventType.ACKNOWLEDGED).get(0)), "someone acted: nothing was due");
        clock.set(Instant.parse("2026-11-23T08:46:40Z"));
        t.apply(engine.stepDue(t.ticket, t.trail, clock.instant()).orElseThrow());
        TicketEvent timedOut = t.of(TicketEvent.EventType.ESCALATED).get(1);
        assertEquals("acknowledgement-timeout", ((TicketEvent.Escalated) timedOut).escalation().reason());
        assertEquals(Instant.parse("2026-11-23T08:46:40Z"), timedOut.at());
        assertEquals(Instant.parse("2026-11-23T08:46:00Z"), dueAt(timedOut));
    }

    // ---- the customer is told only what is true -----------------------------------------------------------------

    Kept breached(String level) throws Exception {
        Kept t = billingTicket(policies("[{\"name\": \"rules\", \"levels\": [" + level + "]}]", null));
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due.plusSeconds(2));
        TicketChange fired = t.ticket.recordSlaDeadline(FIRST_RESPONSE_BREACH, "first-response breached", true, due,
                Actor.system("sla"), clock.instant());
        t.apply(engine.onSlaDeadline(fired, t.trail, new Deadline(SlaMetric.FIRST_RESPONSE, 1, 100, due),
                clock.instant()));
        assertEquals(due, dueAt(t.of(TicketEvent.EventType.SLA_BREACH).get(0)));
        assertEquals(due, dueAt(t.of(TicketEvent.EventType.ESCALATED).get(0)), "the level it started was due then too");
        return t;
    }

    @Test
    void aBreachLevelThatLeavesThePriorityAloneSaysNothingAboutPriority() throws Exception {
        Kept t = breached("""
                {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}], "actions": ["notify"],
                 "tellCustomer": true}""");
        assertEquals(Priority.NORMAL, t.ticket.priority());
        assertEquals("A senior member of our billing team is now overseeing your request. We are past the time we "
                + "promised you, and we are sorry: you will hear from us as soon as possible.", t.told());
    }

    @Test
    void aBreachLevelThatRaisesThePriorityNamesTheNewPriority() throws Exception {
        Kept t = breached("""
                {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}],
                 "actions": ["raisePriority", "notify"], "tellCustomer": true}""");
        assertEquals(Priority.HIGH, t.ticket.priority());
        assertTrue(t.told().startsWith("We raised its priority to high. "), t.told());
        assertFalse(t.told().contains("now with our"), "it did not move: " + t.told());
    }

    @Test
    void aBreachLevelThatMovesTheTicketSaysWhereAndNotThatItsPriorityChanged() throws Exception {
        Kept t = breached("""
                {"trigger": {"breach": "firstResponse"}, "targets": [{"role": "supervisor"}],
                 "actions": ["raiseTier", "notify"]}""");
        assertEquals(Tier.EXPERT, t.ticket.tier());
        assertTrue(t.told().startsWith("Your request is now with our billing specialists (tier 2). We are past"),
                t.told());
        assertFalse(t.told().contains("priority"), t.told());
    }

    // ---- repeated customer requests -------------------------------------------------------------------------------

    static final String QUIET_POLICY = """
            [{"name": "rules", "levels": [{"trigger": {"warning": "firstResponse"}, "targets": [{"role": "supervisor"}],
                                           "actions": ["notify"]}]}]""";

    void request(Kept t, String reason) {
        t.apply(engine.customerRequest(t.ticket, t.trail, reason, customer, clock.instant()));
    }

    @Test
    void fourRequestsWithinAMinuteEscalateOnceAndAreAllRecorded() throws Exception {
        Kept t = billingTicket(policies(QUIET_POLICY, null));
        clock.set(Instant.parse("2026-11-23T08:10:00Z"));
        for (int click = 0; click < 4; click++) {
            request(t, "Nobody answers (" + click + ")");
            clock.advance(Duration.ofSeconds(15));
        }
        assertEquals(4, t.of(TicketEvent.EventType.ESCALATION_REQUESTED).size(), "every request is in the trail");
        List<EscalationRecord> escalations = EscalationRecord.of(t.trail);
        assertEquals(1, escalations.size(), "one escalation, so one fan-out to sam: " + escalations);
        assertEquals(List.of("person:sam"), escalations.get(0).people().notified());
        assertEquals(1, t.ticket.escalation().sequence());
        assertEquals("We received your request to escalate. It is already with a senior member of our billing team "
                + "(since Mon 23 Nov 2026, 08:10 UTC). We expect to answer by Mon 23 Nov 2026, 09:00 UTC.", t.told());
        assertTrue(EscalationEngine.lastRequestWasAlreadyEscalated(t.trail));
        assertEquals(List.of(false, true, true, true), t.of(TicketEvent.EventType.ESCALATION_REQUESTED).stream()
                .map(e -> ((TicketEvent.EscalationRequested) e).alreadyEscalated() != null).toList());
    }

    @Test
    void aRequestNotifiesAgainOnceTheIntervalHasPassedOrTheEpisodeWasSettled() throws Exception {
        Kept t = billingTicket(policies(QUIET_POLICY, "{\"notifyAgainAfter\": \"2h\"}"));
        clock.set(Instant.parse("2026-11-23T08:10:00Z"));
        request(t, "Nobody answers");
        clock.set(Instant.parse("2026-11-23T10:09:00Z"));
        request(t, "Still nobody");
        assertEquals(1, EscalationRecord.of(t.trail).size(), "within the policy's 2 h");
        clock.set(Instant.parse("2026-11-23T10:10:00Z"));
        request(t, "Still nobody, two hours on");
        assertEquals(2, EscalationRecord.of(t.trail).size(), "2 h after sam was told: told again");
        assertFalse(EscalationEngine.lastRequestWasAlreadyEscalated(t.trail));

        clock.set(Instant.parse("2026-11-23T10:20:00Z"));
        t.apply(t.ticket.agentReply("Looking into the VAT now", true, new Actor(Actor.Kind.AGENT, "sam"), clock.instant()));
        clock.set(Instant.parse("2026-11-23T10:25:00Z"));
        request(t, "That is not an answer");
        assertEquals(3, EscalationRecord.of(t.trail).size(), "the reply settled the episode: a new one starts");
    }

    @Test
    void aRequestWhileAnAutomaticLevelAlreadyReachedTheSupervisorAlertsNobody() throws Exception {
        Kept t = billingTicket(policies(QUIET_POLICY.replace("warning", "breach"), null));
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due);
        t.apply(engine.onSlaDeadline(t.ticket.recordSlaDeadline(FIRST_RESPONSE_BREACH, "breached", true, due,
                Actor.system("sla"), due), t.trail, new Deadline(SlaMetric.FIRST_RESPONSE, 1, 100, due), due));
        assertEquals(1, EscalationRecord.of(t.trail).size());
        clock.set(Instant.parse("2026-11-23T09:05:00Z"));
        request(t, "Where is my answer?");
        assertEquals(1, EscalationRecord.of(t.trail).size(), "level 1 already told sam");
        assertEquals(new io.tierline.core.ticket.FanOutMark(1, 1, 0), t.ticket.escalation().fanOut(), "nothing to send but level 1's notifications");
        assertTrue(t.told().contains("already with a senior member of our billing team (since Mon 23 Nov 2026, "
                + "09:00 UTC)"), t.told());
    }

    // ---- the interval is a validated policy setting ---------------------------------------------------------------

    @Test
    void theIntervalDefaultsToFourHoursAndIsValidatedLikeTheRestOfThePolicy() throws Exception {
        assertEquals(Duration.ofHours(4), policies(QUIET_POLICY, null).escalation().requests().notifyAgainAfter());
        assertEquals(Duration.ofMinutes(90), policies(QUIET_POLICY, "{\"notifyAgainAfter\": \"1h30m\"}")
                .escalation().requests().notifyAgainAfter());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> policies(QUIET_POLICY, "{\"notifyAgainAfter\": \"soon\", \"notify\": true}"));
        assertEquals(List.of("escalationRequests.notify", "escalationRequests.notifyAgainAfter"),
                refused.errors().stream().map(FieldError::field).toList(), refused.errors().toString());
        assertNotNull(assertThrows(InvalidInputException.class, () -> policies(QUIET_POLICY, "[]")));
    }
}
