package io.tierline.core.sla;

import static io.tierline.core.sla.MetricEventType.ACTIVATE;
import static io.tierline.core.sla.MetricEventType.APPLY;
import static io.tierline.core.sla.MetricEventType.BREACH;
import static io.tierline.core.sla.MetricEventType.CANCEL;
import static io.tierline.core.sla.MetricEventType.FULFIL;
import static io.tierline.core.sla.MetricEventType.PAUSE;
import static io.tierline.core.sla.MetricEventType.RESUME;
import static io.tierline.core.sla.MetricEventType.WARN;
import static io.tierline.core.sla.SlaFixtures.POLICIES;
import static io.tierline.core.sla.SlaFixtures.seen;
import static io.tierline.core.sla.SlaFixtures.subject;
import static io.tierline.core.sla.SlaFixtures.utc;
import static io.tierline.core.ticket.SlaMetric.FIRST_RESPONSE;
import static io.tierline.core.ticket.SlaMetric.PERIODIC_UPDATE;
import static io.tierline.core.ticket.SlaMetric.RESOLUTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.sla.SlaFixtures.Seen;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finer rules of the clocks, one at a time. Office hours are 08:00Z–16:00Z on weekdays (CET). */
class SlaClockRulesTest {

    static SlaTimeline ticket(String plan, Priority priority) {
        return new SlaTimeline(utc("2026-11-16T08:00:00Z"), subject(plan, priority), Status.OPEN, List.of());
    }

    @Test
    void triageStartsTheClocksRetroactivelyFromCreation() {
        // created without a priority; triaged to pro / high two minutes later
        SlaTimeline ticket = SlaTimeline.created(utc("2026-11-16T08:00:00Z"), subject("pro", null))
                .status(utc("2026-11-16T08:02:00Z"), Status.OPEN)
                .priority(utc("2026-11-16T08:02:00Z"), Priority.HIGH);
        SlaEvaluation before = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T08:01:00Z"));
        assertEquals(ClockState.NOT_APPLICABLE, before.clock(FIRST_RESPONSE).state());
        assertTrue(before.events().isEmpty());
        SlaEvaluation after = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T09:00:00Z"));
        MetricClock firstResponse = after.clock(FIRST_RESPONSE);
        assertEquals(utc("2026-11-16T08:00:00Z"), firstResponse.startedAt());
        assertEquals(Duration.ofHours(1), firstResponse.elapsed(), "the two untriaged minutes count");
        assertEquals(utc("2026-11-16T10:00:00Z"), firstResponse.dueAt());
        // 2 h for high: the 50 % warning falls at 09:00Z, counted from creation, not from triage
        assertEquals(List.of(Seen.of(ACTIVATE, "2026-11-16T08:02:00Z"), Seen.of(WARN, "2026-11-16T09:00:00Z", 50)),
                seen(after, FIRST_RESPONSE));
    }

    @Test
    void onHoldPausesOnlyWhereThePolicySaysSo() {
        // pro resolution pauses in pending and on-hold; basic's (3 days) keeps the default: pending only
        for (String plan : List.of("pro", "basic")) {
            SlaTimeline ticket = ticket(plan, Priority.NORMAL)
                    .status(utc("2026-11-16T09:00:00Z"), Status.ON_HOLD)
                    .status(utc("2026-11-16T12:00:00Z"), Status.OPEN);
            MetricClock resolution = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T13:00:00Z"))
                    .clock(RESOLUTION);
            assertEquals(Duration.ofHours(plan.equals("pro") ? 2 : 5), resolution.elapsed(), plan);
        }
    }

    @Test
    void movingFromPendingToOnHoldKeepsTheClockPausedWithoutEvents() {
        SlaTimeline ticket = ticket("pro", Priority.NORMAL)
                .status(utc("2026-11-16T09:00:00Z"), Status.PENDING)
                .status(utc("2026-11-16T10:00:00Z"), Status.ON_HOLD)
                .status(utc("2026-11-16T11:00:00Z"), Status.OPEN);
        assertEquals(List.of(Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"), Seen.of(PAUSE, "2026-11-16T09:00:00Z"),
                Seen.of(RESUME, "2026-11-16T11:00:00Z")),
                seen(SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T12:00:00Z")), RESOLUTION));
    }

    @Test
    void aPolicyWithoutTheMetricCancelsItsClock() {
        // pro → basic (a downgrade): basic promises resolution only, in 3 days of calendar time
        SlaTimeline ticket = ticket("pro", Priority.NORMAL)
                .subject(utc("2026-11-16T09:00:00Z"), subject("basic", Priority.NORMAL));
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T10:00:00Z"));
        assertEquals("basic", evaluation.policy());
        assertEquals(List.of(Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"), Seen.of(CANCEL, "2026-11-16T09:00:00Z")),
                seen(evaluation, FIRST_RESPONSE));
        assertEquals(ClockState.NOT_APPLICABLE, evaluation.clock(FIRST_RESPONSE).state());
        assertEquals(List.of(Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"), Seen.of(APPLY, "2026-11-16T09:00:00Z")),
                seen(evaluation, RESOLUTION));
        assertEquals(Duration.ofDays(3), evaluation.clock(RESOLUTION).target());
    }

    @Test
    void aChangeThatLeavesTheTermsAloneIsNoEvent() {
        SlaTimeline ticket = ticket("pro", Priority.NORMAL)
                .subject(utc("2026-11-16T09:00:00Z"), subject("pro",
                        Priority.NORMAL).withTeam(new TeamName("billing")));
        assertEquals(List.of(ACTIVATE, ACTIVATE), SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T09:30:00Z"))
                .events().stream().map(MetricEvent::type).toList());
    }

    @Test
    void anAnswerAtTheDueMinuteIsInTime() {
        // first response 4 h: due 12:00Z; the agent answers at exactly 12:00Z
        SlaTimeline ticket = ticket("pro", Priority.NORMAL).agentReply(utc("2026-11-16T12:00:00Z"));
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T13:00:00Z"));
        MetricClock clock = evaluation.clock(FIRST_RESPONSE);
        assertEquals(ClockState.FULFILLED, clock.state());
        assertFalse(clock.breached());
        assertEquals(Duration.ZERO, clock.remaining());
        assertTrue(seen(evaluation, FIRST_RESPONSE).stream().noneMatch(s -> s.type() == BREACH));
        // while the sweep asked at 12:00Z before the answer was stored, the breach stood
        assertEquals(ClockState.BREACHED, SlaClock.evaluate(ticket(("pro"), Priority.NORMAL), POLICIES,
                utc("2026-11-16T12:00:00Z")).clock(FIRST_RESPONSE).state());
    }

    @Test
    void solvedAtTheDueMinuteAndReopenedLaterBreachesAtTheReopening() {
        // pro / urgent: resolution 8 business hours, used up Monday 16:00Z, the minute it is solved
        SlaTimeline ticket = ticket("pro", Priority.URGENT)
                .agentReply(utc("2026-11-16T08:30:00Z"))
                .status(utc("2026-11-16T16:00:00Z"), Status.SOLVED);
        SlaEvaluation solved = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-17T09:00:00Z"));
        assertEquals(ClockState.FULFILLED, solved.clock(RESOLUTION).state());
        assertFalse(solved.clock(RESOLUTION).breached());
        SlaTimeline reopened = ticket.status(utc("2026-11-17T09:00:00Z"), Status.OPEN);
        SlaEvaluation later = SlaClock.evaluate(reopened, POLICIES, utc("2026-11-17T10:00:00Z"));
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"),
                Seen.of(WARN, "2026-11-16T12:00:00Z", 50),
                Seen.of(WARN, "2026-11-16T14:00:00Z", 75),
                Seen.of(FULFIL, "2026-11-16T16:00:00Z"),
                Seen.of(RESUME, "2026-11-17T09:00:00Z"),
                Seen.of(BREACH, "2026-11-17T09:00:00Z", 100)), seen(later, RESOLUTION));
        assertEquals(ClockState.BREACHED, later.clock(RESOLUTION).state());
    }

    @Test
    void periodicUpdatesReArmAfterEachPublicUpdateAndPauseInPending() {
        // pro / urgent: an update every 2 h of calendar time, paused in pending
        SlaTimeline ticket = ticket("pro", Priority.URGENT)
                .agentReply(utc("2026-11-16T08:30:00Z"))
                .agentReply(utc("2026-11-16T10:00:00Z"))
                .status(utc("2026-11-16T11:00:00Z"), Status.PENDING)
                .status(utc("2026-11-16T14:00:00Z"), Status.OPEN);
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T14:30:00Z"));
        MetricClock updates = evaluation.clock(PERIODIC_UPDATE);
        assertEquals(2, updates.cycle());
        assertEquals(utc("2026-11-16T10:00:00Z"), updates.startedAt());
        assertEquals(Duration.ofMinutes(90), updates.elapsed(), "10:00-11:00 and 14:00-14:30");
        assertEquals(utc("2026-11-16T15:00:00Z"), updates.dueAt());
        // 75 % (1 h 30) is reached at asOf itself and recorded; only the breach is still ahead
        assertEquals(List.of(new Deadline(PERIODIC_UPDATE, 2, 100, utc("2026-11-16T15:00:00Z"))), updates.upcoming());
        List<Seen> events = seen(evaluation, PERIODIC_UPDATE);
        assertEquals(Seen.of(WARN, "2026-11-16T14:30:00Z", 75), events.get(events.size() - 1));
    }

    @Test
    void replyAndSolveAtOnceStartsNoUpdateClock() {
        SlaTimeline ticket = ticket("pro", Priority.URGENT)
                .agentReply(utc("2026-11-16T09:00:00Z"))
                .status(utc("2026-11-16T09:00:00Z"), Status.SOLVED);
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T12:00:00Z"));
        assertEquals(ClockState.NOT_APPLICABLE, evaluation.clock(PERIODIC_UPDATE).state());
        assertTrue(seen(evaluation, PERIODIC_UPDATE).isEmpty());
    }

    @Test
    void aReplyThatReopensCountsWhateverOrderTheFactsOfOneInstantArriveIn() {
        SlaTimeline ticket = ticket("pro", Priority.NORMAL)
                .agentReply(utc("2026-11-16T09:00:00Z"))
                .status(utc("2026-11-16T09:00:00Z"), Status.SOLVED)
                .customerReply(utc("2026-11-16T11:00:00Z"))
                .status(utc("2026-11-16T11:00:00Z"), Status.OPEN);
        MetricClock next = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T12:00:00Z"))
                .clock(SlaMetric.NEXT_RESPONSE);
        assertEquals(ClockState.RUNNING, next.state());
        assertEquals(utc("2026-11-16T11:00:00Z"), next.startedAt());
    }

    @Test
    void factsAfterTheInstantAskedAboutHaveNotHappenedYet() {
        SlaTimeline ticket = ticket("pro", Priority.NORMAL).agentReply(utc("2026-11-16T10:00:00Z"));
        assertEquals(ClockState.RUNNING, SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T09:00:00Z"))
                .clock(FIRST_RESPONSE).state());
        assertThrows(IllegalArgumentException.class,
                () -> SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T07:00:00Z")));
        assertThrows(IllegalArgumentException.class,
                () -> ticket.agentReply(utc("2026-11-15T07:00:00Z")), "a fact before creation");
    }

    @Test
    void aTicketMergedTheInstantItIsCreatedNeverRuns() {
        // found by SlaClockPropertiesTest: a cycle ending as it starts left no trace but stayed open
        SlaTimeline ticket = ticket("pro", Priority.LOW).merged(utc("2026-11-16T08:00:00Z"));
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-20T08:00:00Z"));
        assertTrue(evaluation.events().isEmpty(), evaluation.events()::toString);
        assertTrue(evaluation.nextDeadline().isEmpty());
    }

    @Test
    void deadlinesFromListThoseReachedSinceAndThoseAhead() {
        // pro / normal from Monday 08:00Z: first response 50 % 10:00Z, 75 % 11:00Z, breach 12:00Z;
        // resolution (48 h of plain time) 50 % Tuesday 08:00Z, 75 % Tuesday 20:00Z, breach Wednesday 08:00Z
        SlaEvaluation evaluation = SlaClock.evaluate(ticket("pro", Priority.NORMAL), POLICIES,
                utc("2026-11-16T11:30:00Z"));
        assertEquals(List.of(
                new Deadline(FIRST_RESPONSE, 1, 75, utc("2026-11-16T11:00:00Z")),
                new Deadline(FIRST_RESPONSE, 1, 100, utc("2026-11-16T12:00:00Z")),
                new Deadline(RESOLUTION, 1, 50, utc("2026-11-17T08:00:00Z")),
                new Deadline(RESOLUTION, 1, 75, utc("2026-11-17T20:00:00Z")),
                new Deadline(RESOLUTION, 1, 100, utc("2026-11-18T08:00:00Z"))),
                evaluation.deadlinesFrom(utc("2026-11-16T11:00:00Z")));
        assertEquals(evaluation.nextDeadline().orElseThrow(),
                evaluation.deadlinesFrom(evaluation.asOf().plusNanos(1)).get(0));
    }

    @Test
    void noPolicyNoClock() {
        SlaEvaluation evaluation = SlaClock.evaluate(ticket("free", Priority.URGENT), POLICIES,
                utc("2026-11-16T12:00:00Z"));
        assertNull(evaluation.policy());
        assertTrue(evaluation.events().isEmpty());
        assertTrue(evaluation.nextDeadline().isEmpty());
        assertTrue(evaluation.clocks().values().stream().allMatch(c -> c.state() == ClockState.NOT_APPLICABLE
                && c.target() == null));
    }
}
