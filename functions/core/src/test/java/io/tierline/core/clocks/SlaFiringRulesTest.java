package io.tierline.core.clocks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.sla.ClockState;
import io.tierline.core.sla.MetricClock;
import io.tierline.core.sla.SlaEvaluation;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.work.TicketWorkService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA clocks' rules as the sweep and the firing apply them (ClockKeeper, DeadlineFiring, SweepService, the
 * after-write step), one at a time, on the in-memory store, due index and outbox with a set clock. The policies are
 * the bundled document's (the pro plan on the Berlin office calendar) without escalation policies, so a fired
 * deadline only records itself. SlaSweepAndFiringTest plays the boundary (DueIndex, SQS, conditional writes) on
 * DynamoDB Local and ElasticMQ.
 */
class SlaFiringRulesTest {
    static final Instant FRIDAY_1755_BERLIN = Instant.parse("2026-11-13T16:55:00Z");
    final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    FakeWorld world;

    /** The bundled document without escalation policies, and any extra SLA policy in front of its own. */
    static Policies policies(String extraSlaPolicy) throws Exception {
        ObjectNode doc;
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        doc.set("escalationPolicies", Json.parse("[]"));
        if (extraSlaPolicy != null) {
            doc.withArray("slaPolicies").insert(0, Json.parse(extraSlaPolicy));
        }
        return PolicyDocument.parse(doc.toString());
    }

    @BeforeEach
    void world() throws Exception {
        world = new FakeWorld(policies(null), FRIDAY_1755_BERLIN, Duration.ofMinutes(2));
    }

    TicketId proTicket(String email) {
        return ticket(email, "pro");
    }

    TicketId ticket(String email, String plan) {
        TicketId id = world.intake.submit(new TicketDraft(new TicketDraft.Asked("Invoice export fails",
                "Since this morning."),
                new Requester("Pia", email, null, plan), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())),
                Actor.customer(email), Optional.empty()).ticket().id();
        world.clock.advance(Duration.ofSeconds(2));
        world.outbox.take(TicketCreated.class, world.clock.instant()).forEach(m -> world.triage.triage(id));
        return id;
    }

    Ticket ticket(TicketId id) {
        return world.ticket(id);
    }

    void at(String instant) {
        world.clock.set(Instant.parse(instant));
    }

    void act(TicketId id, TicketWorkService.Action action) {
        world.work.act(id, sam, TicketWorkService.Guard.none(), action);
    }

    /** The sweep at {@code now}, and the deadline messages visible at once. */
    List<DeadlineDue> sweepAt(Instant now) {
        world.clock.set(now);
        world.sweep.sweep(now);
        return world.outbox.take(DeadlineDue.class, now);
    }

    static DeadlineDue messageFor(TicketId id, Deadline d) {
        return new DeadlineDue(id, DeadlineKey.of(d), d.at());
    }

    List<String> slaTrail(TicketId id) {
        return world.history(id).events().stream()
                .filter(e -> e instanceof TicketEvent.SlaDeadlineFired).map(e -> (TicketEvent.SlaDeadlineFired) e)
                .map(e -> e.type().name() + " " + e.deadline().code())
                .toList();
    }

    // ---- deadlines and their order ------------------------------------------------------------------------------

    @Test
    void aNewTicketHasNoDeadlineUntilTriageStartsTheClocksFromItsCreation() {
        TicketId id = world.intake.submit(new TicketDraft(new TicketDraft.Asked("Export fails", "d"),
                new Requester("Pia", "new@example.com", null, "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())),
                Actor.customer("new@example.com"), Optional.empty()).ticket().id();
        assertNull(ticket(id).nextDeadline(), "new: no clock yet");
        assertEquals(FRIDAY_1755_BERLIN.plus(Ticket.TRIAGE_GRACE), ticket(id).nextDueAt(), "only the triage-by");
        world.clock.advance(Duration.ofMinutes(10));
        world.triage.triage(id);
        assertEquals(new Deadline(SlaMetric.RESOLUTION, 1, 50, Instant.parse("2026-11-14T16:55:00Z")),
                ticket(id).nextDeadline(), "48 h of plain time from creation, not from triage");
    }

    @Test
    void aProTicketFromFridayEveningWalksItsDeadlinesAcrossTheWeekendAndEachFiresOnce() {
        TicketId id = proTicket("weekend@example.com");
        // resolution: 48 h of plain time: 50 % Saturday 16:55Z, 75 % Sunday 04:55Z, breach Sunday 16:55Z; first
        // response: 4 business hours from Monday 09:00 Berlin: 50 % 10:00Z, 75 % 11:00Z, breach 12:00Z
        assertEquals(List.of(), sweepAt(Instant.parse("2026-11-14T16:40:00Z")), "15 minutes early: not yet");
        for (String at : List.of("2026-11-14T16:55:00Z", "2026-11-15T04:55:00Z", "2026-11-15T16:55:00Z",
                "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z")) {
            List<DeadlineDue> due = new ArrayList<>(sweepAt(Instant.parse(at)));
            due.addAll(sweepAt(Instant.parse(at))); // two sweeps overlap: the deadline is sent twice
            assertEquals(2, due.size(), at);
            assertEquals(Instant.parse(at), due.get(0).at());
            assertEquals(List.of(DeadlineFiring.Outcome.FIRED, DeadlineFiring.Outcome.STALE),
                    due.stream().map(world.firing::fire).toList(), at);
        }
        assertEquals(List.of("SLA_WARNING resolution/1/50", "SLA_WARNING resolution/1/75",
                "SLA_BREACH resolution/1/100", "SLA_WARNING first-response/1/50",
                "SLA_WARNING first-response/1/75", "SLA_BREACH first-response/1/100"), slaTrail(id));
        assertEquals(Tier.FRONT_LINE, ticket(id).tier(), "firing alone moves nothing");
    }

    @Test
    void theSweepSendsWhatFallsDueWithinItsWindowDelayedToItsSecond() {
        TicketId id = proTicket("window@example.com");
        Instant warning = ticket(id).nextDeadline().at();
        world.clock.set(warning.minusSeconds(90));
        SweepService.Report report = world.sweep.sweep(world.clock.instant());
        assertEquals(1, report.sent());
        assertEquals(List.of(warning), world.outbox.sent(DeadlineDue.class).stream()
                .map(s -> s.visibleAt()).toList(), "visible at its own second, not at the sweep's");
        assertEquals(List.of(), world.outbox.take(DeadlineDue.class, world.clock.instant()), "not before");
    }

    @Test
    void twoDeadlinesAtTheSameInstantAreBothFired() throws Exception {
        // first response 1 h (no warnings) and resolution 2 h warning at 50 %: both fall due one hour after creation
        world = new FakeWorld(policies("""
                {"name": "same-instant", "when": {"plan": ["twin"]}, "metrics": {
                  "firstResponse": {"target": "1h", "warnAt": []}, "resolution": {"target": "2h", "warnAt": [50]}}}"""),
                Instant.parse("2026-11-16T08:00:00Z"), Duration.ofMinutes(2));
        TicketId id = ticket("twin@example.com", "twin");
        Instant both = Instant.parse("2026-11-16T09:00:00Z");
        world.clock.set(both);
        Deadline first = ticket(id).nextDeadline();
        assertEquals(both, first.at());
        assertEquals(DeadlineFiring.Outcome.FIRED, world.firing.fire(messageFor(id, first)));
        Deadline second = ticket(id).nextDeadline();
        assertEquals(both, second.at(), "the other deadline of the same instant is next, not skipped");
        assertNotEquals(first.metric(), second.metric());
        assertEquals(DeadlineFiring.Outcome.FIRED, world.firing.fire(messageFor(id, second)));
        assertEquals(2, slaTrail(id).size(), slaTrail(id).toString());
    }

    @Test
    void aSweepThatRanLateFiresTheOverdueWarningAndTheWriteSendsTheOverdueBreachAtOnce() {
        TicketId id = proTicket("late-sweep@example.com");
        // the first sweep after the resolution breach: warnings at 50 % and 75 % and the breach all passed
        List<DeadlineDue> due = sweepAt(Instant.parse("2026-11-15T17:00:00Z"));
        assertEquals(1, due.size(), "the index holds one next deadline: the earliest unfired");
        assertEquals(Instant.parse("2026-11-14T16:55:00Z"), due.get(0).at());
        world.deliverEscalationWork();
        world.firing.fire(due.get(0));
        for (int i = 0; i < 3; i++) {
            world.deliverEscalationWork(); // each firing's write sent the next overdue deadline on at once
        }
        assertEquals(List.of("SLA_WARNING resolution/1/50", "SLA_WARNING resolution/1/75",
                "SLA_BREACH resolution/1/100"), slaTrail(id), "in order, each once");
        TicketEvent breach = world.history(id).events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.SLA_BREACH).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-15T17:00:00Z"), breach.at(), "recorded when it fired");
        assertEquals(Instant.parse("2026-11-15T16:55:00Z"), ((TicketEvent.SlaBreach) breach).dueAt(),
                "naming when it was due");
    }

    // ---- what makes a deadline stale --------------------------------------------------------------------------------

    @Test
    void anAnswerBeforeTheDeadlineMakesTheSentMessageStale() {
        at("2026-11-16T08:00:00Z"); // Monday 09:00 Berlin
        TicketId id = proTicket("quick@example.com");
        at("2026-11-16T08:30:00Z");
        Deadline firstWarning = ticket(id).nextDeadline();
        assertEquals(SlaMetric.FIRST_RESPONSE, firstWarning.metric());
        act(id, (t, now) -> t.agentReply("Looking into it", true, sam.actor(), now));
        int writes = world.store.writes();
        assertEquals(DeadlineFiring.Outcome.STALE, world.firing.fire(messageFor(id, firstWarning)));
        assertEquals(writes, world.store.writes(), "a stale message writes nothing");
        assertEquals(List.of(), slaTrail(id));
        assertNotEquals(SlaMetric.FIRST_RESPONSE, ticket(id).nextDeadline().metric(), "first response is met");
    }

    @Test
    void aDeadlineThatPassedUnfiredIsKeptThroughALaterChangeAndStillFired() {
        at("2026-11-16T08:00:00Z");
        TicketId id = proTicket("kept@example.com");
        Deadline warning = ticket(id).nextDeadline();
        at("2026-11-16T10:00:30Z"); // the first-response warning at 10:00Z passed; no sweep has run since
        act(id, (t, now) -> t.agentReply("internal: on it", false, sam.actor(), now));
        assertEquals(warning, ticket(id).nextDeadline(), "it happened, whatever the change does afterwards");
        assertEquals(DeadlineFiring.Outcome.FIRED, world.firing.fire(messageFor(id, warning)));
        assertEquals(List.of("SLA_WARNING first-response/1/50"), slaTrail(id));
    }

    @Test
    void pendingPausesTheClockAndResumingMovesTheDeadlineByThePause() {
        at("2026-11-16T08:00:00Z");
        TicketId id = proTicket("pause@example.com");
        act(id, (t, now) -> t.agentReply("Need logs", true, sam.actor(), now));
        Instant beforePause = ticket(id).nextDeadline().at();
        act(id, (t, now) -> t.moveTo(Status.PENDING, sam.actor(), now, "waiting for logs"));
        world.clock.advance(Duration.ofHours(3));
        act(id, (t, now) -> t.moveTo(Status.OPEN, sam.actor(), now, "logs arrived"));
        Instant afterPause = ticket(id).nextDeadline().at();
        assertTrue(afterPause.isAfter(beforePause), "three pending hours moved the deadline: " + beforePause
                + " → " + afterPause);
    }

    @Test
    void aPausedDeadlineMessageIsStaleAndThePausedTicketLeavesTheIndex() {
        at("2026-11-16T08:00:00Z");
        TicketId id = proTicket("paused@example.com");
        act(id, (t, now) -> t.agentReply("Need logs", true, sam.actor(), now));
        Deadline running = ticket(id).nextDeadline();
        act(id, (t, now) -> t.moveTo(Status.PENDING, sam.actor(), now, "waiting for logs"));
        assertNull(ticket(id).nextDeadline(), "pending pauses every clock of the pro plan");
        assertNull(ticket(id).nextDueAt());
        world.clock.set(running.at());
        assertEquals(DeadlineFiring.Outcome.STALE, world.firing.fire(messageFor(id, running)));
        assertEquals(List.of(), sweepAt(running.at().plusSeconds(60)));
    }

    @Test
    void nothingRunsAfterResolution() {
        at("2026-11-16T08:00:00Z");
        TicketId id = proTicket("solved@example.com");
        act(id, (t, now) -> t.resolve("Fixed", null, sam.actor(), now));
        assertNull(ticket(id).nextDeadline(), "a solved ticket has no running clock");
        assertNull(ticket(id).targetDueAt());
        assertEquals(List.of(), sweepAt(Instant.parse("2026-11-20T12:00:00Z")), "and is never swept");
    }

    @Test
    void theTargetOwedStaysInThePastOnceBreachedWhileTheNextDeadlineMovesOn() {
        TicketId id = proTicket("owed@example.com");
        Instant breach = Instant.parse("2026-11-15T16:55:00Z");
        for (String at : List.of("2026-11-14T16:55:00Z", "2026-11-15T04:55:00Z", "2026-11-15T16:55:00Z")) {
            world.clock.set(Instant.parse(at));
            world.firing.fire(messageFor(id, ticket(id).nextDeadline()));
        }
        assertEquals(breach, ticket(id).targetDueAt(), "resolution is still owed, and overdue");
        assertTrue(ticket(id).nextDeadline().at().isAfter(breach), "the sweep moves on to first response");
    }

    // ---- the store's conditions -------------------------------------------------------------------------------------

    @Test
    void aFiringThatLosesARaceReadsAgainAndFiresOnceWithTheOtherWriteKept() {
        TicketId id = proTicket("race@example.com");
        Deadline warning = ticket(id).nextDeadline();
        world.clock.set(warning.at());
        long version = ticket(id).version();
        // between the firing's read and its write, an agent adds a note
        world.store.raceNextApply(changes -> act(id, (t, now) -> t.agentReply("internal: looking", false,
                sam.actor(), now)));
        assertEquals(DeadlineFiring.Outcome.FIRED, world.firing.fire(messageFor(id, warning)));
        assertEquals(version + 2, ticket(id).version(), "the note and the warning, each written once");
        assertEquals(List.of("SLA_WARNING resolution/1/50"), slaTrail(id));
        assertTrue(world.history(id).events().stream().anyMatch(e -> e.type() == TicketEvent.EventType.NOTE_ADDED));
    }

    @Test
    void aTicketLeftNewIsSentToTriageAgainOnceItsTriageByInstantPassedAndOnlyOnce() {
        TicketId lost = world.intake.submit(new TicketDraft(new TicketDraft.Asked("Export fails", "d"),
                new Requester("Lu", "lost@example.com", null, "pro"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())),
                Actor.customer("lost@example.com"), Optional.empty()).ticket().id();
        world.outbox.take(TicketCreated.class, world.clock.instant()); // the message is lost
        world.clock.advance(Duration.ofSeconds(30));
        world.sweep.sweep(world.clock.instant());
        assertEquals(List.of(), world.outbox.take(TicketCreated.class, world.clock.instant()),
                "nothing is repaired before the triage-by instant: triage may be at work on it");
        world.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, world.sweep.sweep(world.clock.instant()).republished());
        List<TicketCreated> again = world.outbox.take(TicketCreated.class, world.clock.instant());
        assertEquals(List.of(lost), again.stream().map(TicketCreated::ticketId).toList());
        world.triage.triage(lost);
        assertEquals(Status.OPEN, ticket(lost).status());
        assertNull(ticket(lost).triageDueAt());
        assertNotNull(ticket(lost).nextDeadline(), "triage replaced the triage-by entry with its first deadline");
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(0, world.sweep.sweep(world.clock.instant()).republished(), "and it is repaired once");
    }
    /** The promise moved with the merge: a duplicate's clocks are cancelled, not fulfilled by its closing. */
    @Test
    void aMergedTicketsClocksAreCancelledNotFulfilled() {
        TicketId duplicate = proTicket("dup@example.com");
        TicketId survivor = proTicket("kept@example.com");
        world.clock.advance(Duration.ofMinutes(5));
        world.store.apply(ticket(duplicate).mergeInto(ticket(survivor), "same outage", sam.actor(),
                world.clock.instant()), Optional.empty());
        Ticket merged = ticket(duplicate);
        SlaEvaluation clocks = world.keeper.evaluate(merged, world.history(duplicate).events(), world.clock.instant());
        MetricClock firstResponse = clocks.clocks().get(SlaMetric.FIRST_RESPONSE);
        assertEquals(ClockState.NOT_APPLICABLE, firstResponse.state(), firstResponse.toString());
        assertFalse(firstResponse.breached());
        assertEquals(ClockState.RUNNING, world.keeper.evaluate(ticket(survivor), world.history(survivor).events(),
                world.clock.instant()).clocks().get(SlaMetric.FIRST_RESPONSE).state(), "the survivor's still runs");
    }
}
