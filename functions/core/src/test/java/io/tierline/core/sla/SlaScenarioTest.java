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
import static io.tierline.core.ticket.SlaMetric.NEXT_RESPONSE;
import static io.tierline.core.ticket.SlaMetric.PERIODIC_UPDATE;
import static io.tierline.core.ticket.SlaMetric.RESOLUTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.sla.SlaFixtures.Seen;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whole weeks played with explicit instants on the worked example's policies. Berlin is on CET (UTC+1) in November
 * 2026; the office is open Monday to Friday 09:00–17:00 local, 08:00Z–16:00Z.
 */
class SlaScenarioTest {

    static SlaTimeline openTicket(String createdAt, String plan, Priority priority) {
        return new SlaTimeline(utc(createdAt), subject(plan, priority), Status.OPEN, List.of());
    }

    @Test
    void aProTicketCreatedFridayEveningBreachesItsFirstResponseAtTheRightMondayMinute() {
        // Friday 13 November 17:55 CET = 16:55Z, after closing: nothing counts until Monday 09:00 CET (08:00Z).
        // 4 business hours: 50 % (2 h) at 11:00 CET = 10:00Z, 75 % (3 h) at 12:00 CET = 11:00Z,
        // breach (4 h) at 13:00 CET = 12:00Z.
        SlaTimeline ticket = openTicket("2026-11-13T16:55:00Z", "pro", Priority.NORMAL);

        SlaEvaluation saturday = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-14T12:00:00Z"));
        MetricClock waiting = saturday.clock(FIRST_RESPONSE);
        assertEquals(ClockState.RUNNING, waiting.state());
        assertEquals(Duration.ZERO, waiting.elapsed(), "the weekend does not count");
        assertEquals(Duration.ofHours(4), waiting.remaining());
        assertEquals(utc("2026-11-16T12:00:00Z"), waiting.dueAt());
        assertEquals("berlin-office", waiting.calendar());
        assertEquals(new Deadline(FIRST_RESPONSE, 1, 50, utc("2026-11-16T10:00:00Z")), waiting.upcoming().get(0));
        // resolution runs in calendar time (48 h): its 50 % warning, Saturday 16:55Z, is the ticket's next deadline
        assertEquals(new Deadline(RESOLUTION, 1, 50, utc("2026-11-14T16:55:00Z")),
                saturday.nextDeadline().orElseThrow());

        SlaEvaluation oneMinuteBefore = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T11:59:00Z"));
        assertEquals(ClockState.RUNNING, oneMinuteBefore.clock(FIRST_RESPONSE).state());
        assertEquals(Duration.ofMinutes(1), oneMinuteBefore.clock(FIRST_RESPONSE).remaining());

        SlaEvaluation atBreach = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T12:00:00Z"));
        MetricClock breached = atBreach.clock(FIRST_RESPONSE);
        assertEquals(ClockState.BREACHED, breached.state());
        assertTrue(breached.breached());
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-13T16:55:00Z"),
                Seen.of(WARN, "2026-11-16T10:00:00Z", 50),
                Seen.of(WARN, "2026-11-16T11:00:00Z", 75),
                Seen.of(BREACH, "2026-11-16T12:00:00Z", 100)), seen(atBreach, FIRST_RESPONSE));
    }

    @Test
    void fiveMinutesBeforeClosingCountOnFriday() {
        // Friday 16:55 CET = 15:55Z: 5 minutes on Friday, 3 h 55 on Monday: breach Monday 12:55 CET = 11:55Z
        SlaTimeline ticket = openTicket("2026-11-13T15:55:00Z", "pro", Priority.NORMAL);
        assertEquals(utc("2026-11-16T11:55:00Z"),
                SlaClock.evaluate(ticket, POLICIES, utc("2026-11-13T18:00:00Z")).clock(FIRST_RESPONSE).dueAt());
    }

    @Test
    void pendingTimeDoesNotCount() {
        // pro / normal: resolution 48 h of calendar time, paused in pending.
        // Created Monday 16 November 08:00Z; agent replies and sets pending at 10:00Z (2 h counted);
        // the customer answers Wednesday 09:00Z (46 h pending) and the ticket is open again.
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.NORMAL)
                .agentReply(utc("2026-11-16T10:00:00Z"))
                .status(utc("2026-11-16T10:00:00Z"), Status.PENDING)
                .status(utc("2026-11-18T09:00:00Z"), Status.OPEN)
                .customerReply(utc("2026-11-18T09:00:00Z"))
                .agentReply(utc("2026-11-18T10:00:00Z"));

        SlaEvaluation whilePending = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-17T12:00:00Z"));
        MetricClock paused = whilePending.clock(RESOLUTION);
        assertEquals(ClockState.PAUSED, paused.state());
        assertTrue(paused.paused());
        assertEquals(Duration.ofHours(2), paused.elapsed());
        assertNull(paused.dueAt(), "unknown until the ticket moves again");
        assertEquals(Optional.empty(), whilePending.nextDeadline(), "a paused ticket has nothing to sweep");

        // Thursday 12:00Z: 2 h + 27 h since Wednesday 09:00Z = 29 h; due 48 + 46 h after creation, Friday 07:00Z
        SlaEvaluation thursday = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-19T12:00:00Z"));
        MetricClock resolution = thursday.clock(RESOLUTION);
        assertEquals(ClockState.RUNNING, resolution.state());
        assertEquals(Duration.ofHours(29), resolution.elapsed());
        assertEquals(Duration.ofHours(19), resolution.remaining());
        assertEquals(utc("2026-11-20T07:00:00Z"), resolution.dueAt());
        assertEquals("calendar-time", resolution.calendar());
        // 50 % (24 h) was reached 22 h after the resume: Thursday 07:00Z; 75 % (36 h) comes Thursday 19:00Z
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"),
                Seen.of(PAUSE, "2026-11-16T10:00:00Z"),
                Seen.of(RESUME, "2026-11-18T09:00:00Z"),
                Seen.of(WARN, "2026-11-19T07:00:00Z", 50)), seen(thursday, RESOLUTION));
        assertEquals(List.of(new Deadline(RESOLUTION, 1, 75, utc("2026-11-19T19:00:00Z")),
                new Deadline(RESOLUTION, 1, 100, utc("2026-11-20T07:00:00Z"))), resolution.upcoming());
        assertEquals(ClockState.FULFILLED, thursday.clock(FIRST_RESPONSE).state());
        assertEquals(Duration.ofHours(2), thursday.clock(FIRST_RESPONSE).elapsed(), "09:00-11:00 CET");
    }

    @Test
    void aPriorityRaiseAppliesTheStricterTargetFromTheOriginalStartKeepingPausedTime() {
        // Monday 16 November, 09:00 CET (08:00Z) created, pro / normal. Pending 10:00-12:00 CET (09:00Z-11:00Z).
        // At 14:00 CET (13:00Z) raised to urgent: resolution 8 business hours, measured from 09:00 CET:
        // 09:00-10:00 (1 h) + 12:00-14:00 (2 h) = 3 h used. 50 % (4 h) at 15:00 CET = 14:00Z; 75 % (6 h) at
        // 17:00 CET = 16:00Z (closing); the last 2 h on Tuesday: breach 11:00 CET = 10:00Z.
        // From the change instead it would be Tuesday 14:00 CET; without the pause Monday 17:00 CET.
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.NORMAL)
                .agentReply(utc("2026-11-16T08:30:00Z"))
                .status(utc("2026-11-16T09:00:00Z"), Status.PENDING)
                .status(utc("2026-11-16T11:00:00Z"), Status.OPEN)
                .customerReply(utc("2026-11-16T11:00:00Z"))
                .agentReply(utc("2026-11-16T11:30:00Z"))
                .priority(utc("2026-11-16T13:00:00Z"), Priority.URGENT);

        SlaEvaluation atRaise = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T13:00:00Z"));
        MetricClock raised = atRaise.clock(RESOLUTION);
        assertEquals(Duration.ofHours(8), raised.target());
        assertEquals("berlin-office", raised.calendar());
        assertEquals(utc("2026-11-16T08:00:00Z"), raised.startedAt());
        assertEquals(Duration.ofHours(3), raised.elapsed());
        assertEquals(utc("2026-11-17T10:00:00Z"), raised.dueAt());

        SlaEvaluation tuesday = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-17T12:00:00Z"));
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"),
                Seen.of(PAUSE, "2026-11-16T09:00:00Z"),
                Seen.of(RESUME, "2026-11-16T11:00:00Z"),
                Seen.of(APPLY, "2026-11-16T13:00:00Z"),
                Seen.of(WARN, "2026-11-16T14:00:00Z", 50),
                Seen.of(WARN, "2026-11-16T16:00:00Z", 75),
                Seen.of(BREACH, "2026-11-17T10:00:00Z", 100)), seen(tuesday, RESOLUTION));
        MetricEvent apply = SlaFixtures.eventsOf(tuesday, RESOLUTION).get(3);
        assertEquals("pro", apply.policy());
        assertEquals(Duration.ofHours(8), apply.target());
        assertEquals(ClockState.BREACHED, tuesday.clock(RESOLUTION).state());
    }

    @Test
    void aClockThatAStricterTargetPutsInThePastBreachesOnceAtTheChange() {
        // pro / normal, no periodic update; raised to urgent at 13:00Z: updates are due every 2 h of calendar time
        // from the last agent reply (11:30Z). 50 % (12:30Z) and 75 % (13:00Z) are both reached at the raise: only
        // the 75 % warning is recorded. The breach follows at 13:30Z.
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.NORMAL)
                .agentReply(utc("2026-11-16T11:30:00Z"))
                .priority(utc("2026-11-16T13:00:00Z"), Priority.URGENT);
        SlaEvaluation later = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T14:00:00Z"));
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T13:00:00Z"),
                Seen.of(WARN, "2026-11-16T13:00:00Z", 75),
                Seen.of(BREACH, "2026-11-16T13:30:00Z", 100)), seen(later, PERIODIC_UPDATE));
        assertEquals(utc("2026-11-16T11:30:00Z"), later.clock(PERIODIC_UPDATE).startedAt());

        // raised at 10:00Z, the very minute normal's 50 % warning (2 of 4 h) falls due; under urgent (1 h) the
        // warnings and the breach all lie in the past: one breach at the raise, no warning storm
        SlaTimeline unanswered = openTicket("2026-11-16T08:00:00Z", "pro", Priority.NORMAL)
                .priority(utc("2026-11-16T10:00:00Z"), Priority.URGENT);
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"),
                Seen.of(APPLY, "2026-11-16T10:00:00Z"),
                Seen.of(BREACH, "2026-11-16T10:00:00Z", 100)),
                seen(SlaClock.evaluate(unanswered, POLICIES, utc("2026-11-16T12:00:00Z")), FIRST_RESPONSE));
    }

    @Test
    void warningsAndTheBreachAreEachProducedOnceHoweverOftenTheSweepLooks() {
        // Evaluated every minute from creation (Friday 16:55Z) until Tuesday. Resolution, 48 h of calendar time:
        // 50 % (24 h) Saturday 16:55Z; pending Saturday 18:00Z to Sunday 02:00Z (25 h 05 counted by then);
        // 75 % (36 h) 10 h 55 after the resume, Sunday 12:55Z; breach (48 h) Monday 00:55Z.
        // First response (4 business hours, not paused by pending): 10:00Z, 11:00Z and 12:00Z on Monday.
        SlaTimeline ticket = openTicket("2026-11-13T16:55:00Z", "pro", Priority.NORMAL)
                .status(utc("2026-11-14T18:00:00Z"), Status.PENDING)
                .status(utc("2026-11-15T02:00:00Z"), Status.OPEN);
        Set<MetricEvent> union = new LinkedHashSet<>();
        List<MetricEvent> previous = List.of();
        List<Instant> deadlines = new ArrayList<>();
        for (Instant now = ticket.createdAt(); now.isBefore(utc("2026-11-17T12:00:00Z")); now = now.plusSeconds(60)) {
            SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, now);
            assertEquals(previous, evaluation.events().subList(0, previous.size()), "history never changes");
            previous = evaluation.events();
            union.addAll(evaluation.events());
            evaluation.nextDeadline().map(Deadline::at).filter(at -> !deadlines.contains(at)).ifPresent(deadlines::add);
        }
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-13T16:55:00Z"),
                Seen.of(WARN, "2026-11-14T16:55:00Z", 50),
                Seen.of(PAUSE, "2026-11-14T18:00:00Z"),
                Seen.of(RESUME, "2026-11-15T02:00:00Z"),
                Seen.of(WARN, "2026-11-15T12:55:00Z", 75),
                Seen.of(BREACH, "2026-11-16T00:55:00Z", 100)), seenIn(union, RESOLUTION));
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-13T16:55:00Z"),
                Seen.of(WARN, "2026-11-16T10:00:00Z", 50),
                Seen.of(WARN, "2026-11-16T11:00:00Z", 75),
                Seen.of(BREACH, "2026-11-16T12:00:00Z", 100)), seenIn(union, FIRST_RESPONSE));
        // what the sweep's index holds over time: until the pause is known 75 % is projected for Sunday 04:55Z;
        // while resolution is paused the nearest is first response's Monday 10:00Z; after the resume 75 % moves to
        // Sunday 12:55Z, then the breach, then first response's three
        assertEquals(List.of(utc("2026-11-14T16:55:00Z"), utc("2026-11-15T04:55:00Z"), utc("2026-11-16T10:00:00Z"),
                utc("2026-11-15T12:55:00Z"), utc("2026-11-16T00:55:00Z"), utc("2026-11-16T11:00:00Z"),
                utc("2026-11-16T12:00:00Z")), deadlines);
    }

    static List<Seen> seenIn(Set<MetricEvent> events, SlaMetric metric) {
        return events.stream().filter(e -> e.metric() == metric).map(e -> new Seen(e.type(), e.at(), e.percent()))
                .toList();
    }

    @Test
    void aCustomerReplyAfterAnAgentsReplyStartsNextResponse() {
        // pro / normal: next response 8 business hours. Monday 16 November, office 08:00Z-16:00Z.
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.NORMAL)
                .customerReply(utc("2026-11-16T08:10:00Z"))
                .agentReply(utc("2026-11-16T09:00:00Z"))
                .customerReply(utc("2026-11-16T12:00:00Z"))
                .customerReply(utc("2026-11-16T13:00:00Z"));

        SlaEvaluation beforeAnyAnswer = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T08:30:00Z"));
        assertEquals(ClockState.NOT_APPLICABLE, beforeAnyAnswer.clock(NEXT_RESPONSE).state(),
                "before the first answer the customer waits on first response, not on next response");
        assertEquals(Duration.ofHours(8), beforeAnyAnswer.clock(NEXT_RESPONSE).target());

        SlaEvaluation waiting = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-16T14:00:00Z"));
        MetricClock next = waiting.clock(NEXT_RESPONSE);
        assertEquals(ClockState.RUNNING, next.state());
        assertEquals(1, next.cycle());
        assertEquals(utc("2026-11-16T12:00:00Z"), next.startedAt(), "the oldest unanswered reply counts");
        // 4 h on Monday (12:00Z-16:00Z), 4 h on Tuesday from 08:00Z
        assertEquals(utc("2026-11-17T12:00:00Z"), next.dueAt());

        SlaTimeline answered = ticket.agentReply(utc("2026-11-16T15:00:00Z"))
                .customerReply(utc("2026-11-17T09:00:00Z"));
        SlaEvaluation afterwards = SlaClock.evaluate(answered, POLICIES, utc("2026-11-17T10:00:00Z"));
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T12:00:00Z"),
                Seen.of(FULFIL, "2026-11-16T15:00:00Z"),
                Seen.of(ACTIVATE, "2026-11-17T09:00:00Z")), seen(afterwards, NEXT_RESPONSE));
        assertEquals(2, afterwards.clock(NEXT_RESPONSE).cycle());
        assertEquals(Duration.ofHours(1), afterwards.clock(NEXT_RESPONSE).elapsed());
    }

    @Test
    void nothingRunsAfterResolution() {
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.HIGH)
                .agentReply(utc("2026-11-16T08:30:00Z"))
                .customerReply(utc("2026-11-16T09:00:00Z"))
                .status(utc("2026-11-16T10:00:00Z"), Status.SOLVED)
                .customerReply(utc("2026-11-16T11:00:00Z"));
        SlaEvaluation weeksLater = SlaClock.evaluate(ticket, POLICIES, utc("2026-12-07T10:00:00Z"));
        for (SlaMetric metric : SlaMetric.values()) {
            MetricClock clock = weeksLater.clock(metric);
            assertEquals(ClockState.FULFILLED, clock.state(), metric.name());
            assertFalse(clock.breached());
            assertTrue(clock.upcoming().isEmpty());
        }
        assertEquals(Optional.empty(), weeksLater.nextDeadline());
        assertTrue(weeksLater.events().stream().noneMatch(e -> e.at().isAfter(utc("2026-11-16T10:00:00Z"))),
                "no event after solving, not even for the customer's thank-you: " + weeksLater.events());
        assertTrue(weeksLater.events().stream().noneMatch(e -> e.type() == WARN || e.type() == BREACH));

        SlaEvaluation closed = SlaClock.evaluate(ticket.status(utc("2026-11-20T10:00:00Z"), Status.CLOSED),
                POLICIES, utc("2026-12-07T10:00:00Z"));
        assertEquals(weeksLater.events(), closed.events(), "closing a solved ticket changes no clock");
    }

    @Test
    void reopeningResumesResolutionWithTheTimeAlreadyCounted() {
        // pro / high: resolution 24 business hours. 2 h Monday, solved, reopened Wednesday 08:00Z.
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.HIGH)
                .agentReply(utc("2026-11-16T08:15:00Z"))
                .status(utc("2026-11-16T10:00:00Z"), Status.SOLVED)
                .status(utc("2026-11-18T08:00:00Z"), Status.OPEN)
                .customerReply(utc("2026-11-18T08:00:00Z"));
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-18T09:00:00Z"));
        MetricClock resolution = evaluation.clock(RESOLUTION);
        assertEquals(ClockState.RUNNING, resolution.state());
        assertEquals(Duration.ofHours(3), resolution.elapsed());
        assertEquals(List.of(
                Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"),
                Seen.of(FULFIL, "2026-11-16T10:00:00Z"),
                Seen.of(RESUME, "2026-11-18T08:00:00Z")), seen(evaluation, RESOLUTION));
        assertEquals(ClockState.RUNNING, evaluation.clock(NEXT_RESPONSE).state(), "the reopening reply waits");
        assertEquals(2, evaluation.clock(PERIODIC_UPDATE).cycle(), "updates are owed again after reopening");
    }

    @Test
    void aMergedTicketHasItsClocksCancelled() {
        SlaTimeline ticket = openTicket("2026-11-16T08:00:00Z", "pro", Priority.HIGH)
                .merged(utc("2026-11-16T09:00:00Z"))
                .customerReply(utc("2026-11-16T10:00:00Z"));
        SlaEvaluation evaluation = SlaClock.evaluate(ticket, POLICIES, utc("2026-11-20T09:00:00Z"));
        assertEquals(ClockState.NOT_APPLICABLE, evaluation.clock(FIRST_RESPONSE).state());
        assertEquals(ClockState.NOT_APPLICABLE, evaluation.clock(RESOLUTION).state());
        assertEquals(List.of(Seen.of(ACTIVATE, "2026-11-16T08:00:00Z"), Seen.of(CANCEL, "2026-11-16T09:00:00Z")),
                seen(evaluation, RESOLUTION));
        assertEquals(Optional.empty(), evaluation.nextDeadline());
    }

    @Test
    void anImportedClosedTicketNeverGetsAClock() {
        SlaTimeline imported = new SlaTimeline(utc("2026-01-05T08:00:00Z"), subject("pro", Priority.URGENT),
                Status.CLOSED, List.of());
        SlaEvaluation evaluation = SlaClock.evaluate(imported, POLICIES, utc("2026-11-16T08:00:00Z"));
        assertTrue(evaluation.events().isEmpty());
        assertTrue(evaluation.clocks().values().stream().allMatch(c -> c.state() == ClockState.NOT_APPLICABLE));
    }
}
