package io.tierline.core.sla;

import static io.tierline.core.sla.SlaFixtures.CALENDARS;
import static io.tierline.core.sla.SlaFixtures.POLICIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Laws of the clocks over random ticket histories (statuses along the allowed moves, replies, priority and plan
 * changes, merges, several facts at one instant) on the worked example's policies, asked about at random instants.
 */
class SlaClockPropertiesTest {
    private static final Instant EARLIEST = Instant.parse("2026-11-01T00:00:00Z");

    @Property(tries = 250)
    void whatHappenedNeverChangesWhenAskedLater(@ForAll long seed) {
        RandomTicket ticket = RandomTicket.of(seed);
        Instant earlier = ticket.instantWithin(seed + 1);
        Instant later = ticket.instantWithin(seed + 2);
        if (later.isBefore(earlier)) {
            Instant swap = earlier;
            earlier = later;
            later = swap;
        }
        Instant cut = earlier;
        List<MetricEvent> before = SlaClock.evaluate(ticket.timeline(), POLICIES, earlier).events();
        List<MetricEvent> after = SlaClock.evaluate(ticket.timeline(), POLICIES, later).events().stream()
                .filter(e -> !e.at().isAfter(cut)).toList();
        assertEquals(before, after, ticket::toString);
    }

    @Property(tries = 250)
    void eachWarningAndBreachHappensAtMostOncePerCycle(@ForAll long seed) {
        RandomTicket ticket = RandomTicket.of(seed);
        List<String> reached = SlaClock.evaluate(ticket.timeline(), POLICIES, ticket.end()).events().stream()
                .filter(e -> e.type() == MetricEventType.WARN || e.type() == MetricEventType.BREACH)
                .map(e -> e.metric() + "/" + e.cycle() + "/" + e.percent()).toList();
        assertEquals(reached.size(), new HashSet<>(reached).size(), ticket::toString);
    }

    @Property(tries = 250)
    void nothingIsReachedWhileSolvedClosedOrMerged(@ForAll long seed) {
        RandomTicket ticket = RandomTicket.of(seed);
        for (MetricEvent event : SlaClock.evaluate(ticket.timeline(), POLICIES, ticket.end()).events()) {
            if (event.type() == MetricEventType.WARN || event.type() == MetricEventType.BREACH) {
                assertFalse(ticket.isDoneAt(event.at()), () -> event + " in " + ticket);
            }
            ticket.mergedAt().ifPresent(merged -> assertFalse(event.at().isAfter(merged), ticket::toString));
        }
    }

    /** The sweep's contract: asked again at the next deadline, with nothing new, the clock records exactly it. */
    @Property(tries = 250)
    void theNextDeadlineIsRecordedWhenItComes(@ForAll long seed) {
        RandomTicket ticket = RandomTicket.of(seed);
        Instant now = ticket.instantWithin(seed + 3);
        SlaTimeline known = ticket.timelineUpTo(now);
        SlaClock.evaluate(known, POLICIES, now).nextDeadline().ifPresent(deadline -> {
            assertTrue(deadline.at().isAfter(now));
            List<MetricEvent> then = SlaClock.evaluate(known, POLICIES, deadline.at()).events();
            assertTrue(then.stream().anyMatch(e -> e.metric() == deadline.metric() && e.cycle() == deadline.cycle()
                    && e.percent() == deadline.percent() && e.at().equals(deadline.at())),
                    () -> deadline + " not recorded in " + then + " for " + ticket);
        });
    }

    @Property(tries = 250)
    void aRunningClockIsDueWhenItsRemainingBusinessTimeIsUsedUp(@ForAll long seed) {
        RandomTicket ticket = RandomTicket.of(seed);
        Instant now = ticket.instantWithin(seed + 4);
        for (MetricClock clock : SlaClock.evaluate(ticket.timeline(), POLICIES, now).clocks().values()) {
            if (clock.state() == ClockState.NOT_APPLICABLE) {
                continue;
            }
            BusinessCalendar calendar = CALENDARS.find(clock.calendar()).orElseThrow();
            assertFalse(clock.elapsed().isNegative());
            assertEquals(clock.target().minus(clock.elapsed()), clock.remaining());
            assertTrue(clock.elapsed().compareTo(calendar.businessTimeBetween(clock.startedAt(), now)) <= 0,
                    "pauses only ever take time away");
            if (clock.state() == ClockState.RUNNING) {
                assertEquals(calendar.addBusinessTime(now, clock.remaining()), clock.dueAt(), ticket::toString);
            }
        }
    }

    /** A random history; the same seed gives the same ticket. */
    record RandomTicket(SlaTimeline timeline, Instant end) {
        private static final List<String> PLANS = List.of("pro", "basic", "free");

        static RandomTicket of(long seed) {
            Random random = new Random(seed);
            Instant created = EARLIEST.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            Priority priority = random.nextInt(6) == 0 ? null : pick(random, Priority.values());
            String plan = pick(random, PLANS.toArray(new String[0]));
            Status status = random.nextBoolean() ? Status.NEW : Status.OPEN;
            SlaTimeline timeline = new SlaTimeline(created, SlaFixtures.subject(plan, priority), status, List.of());
            Instant at = created;
            for (int i = random.nextInt(14); i > 0 && status != Status.CLOSED; i--) {
                at = at.plus(Duration.ofMinutes(random.nextInt(4) == 0 ? 0 : random.nextInt(2_500)));
                switch (random.nextInt(7)) {
                    case 0, 1 -> {
                        List<Status> next = new ArrayList<>(status.allowedNext());
                        if (!next.isEmpty()) {
                            next.sort(null);
                            status = next.get(random.nextInt(next.size()));
                            timeline = timeline.status(at, status);
                        }
                    }
                    case 2 -> timeline = timeline.customerReply(at);
                    case 3, 4 -> timeline = timeline.agentReply(at);
                    case 5 -> timeline = timeline.priority(at, pick(random, Priority.values()));
                    default -> {
                        if (random.nextInt(10) == 0) {
                            timeline = timeline.merged(at);
                            status = Status.CLOSED;
                        } else {
                            plan = pick(random, PLANS.toArray(new String[0]));
                            timeline = timeline.subject(at, SlaFixtures.subject(plan, pick(random, Priority.values())));
                        }
                    }
                }
            }
            return new RandomTicket(timeline, at.plus(Duration.ofDays(5)));
        }

        Instant instantWithin(long seed) {
            long span = Duration.between(timeline.createdAt(), end).toMinutes();
            return timeline.createdAt().plus(Duration.ofMinutes(new Random(seed).nextLong(span + 1)));
        }

        SlaTimeline timelineUpTo(Instant instant) {
            return new SlaTimeline(timeline.createdAt(), timeline.subject(), timeline.status(),
                    timeline.facts().stream().filter(f -> !f.at().isAfter(instant)).toList());
        }

        /** Whether the ticket is solved or closed once the facts of {@code instant} have taken effect. */
        boolean isDoneAt(Instant instant) {
            Status status = timeline.status();
            for (SlaFact fact : timeline.facts()) {
                if (!fact.at().isAfter(instant) && fact instanceof SlaFact.StatusChanged changed) {
                    status = changed.status();
                }
            }
            return status == Status.SOLVED || status == Status.CLOSED;
        }

        Optional<Instant> mergedAt() {
            return timeline.facts().stream().filter(f -> f instanceof SlaFact.Merged).map(SlaFact::at).findFirst();
        }

        @Override
        public String toString() {
            return timeline.createdAt() + " " + timeline.subject() + " " + timeline.status() + " "
                    + timeline.facts().stream().map(Object::toString).collect(Collectors.joining(", "));
        }

        @SafeVarargs
        private static <T> T pick(Random random, T... values) {
            return values[random.nextInt(values.length)];
        }
    }

}
