package io.tierline.core.sla;

import io.tierline.core.ticket.SlaMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a ticket's SLA clocks from its timeline, as a pure function of the timeline, the policies and the
 * instant asked about. The result is the same however often it is computed, so a sweep that computes it again at
 * every deadline records each warning and breach once (they carry their own instants, not the sweep's).
 *
 * <p>Rules: paused time never counts. A policy that starts to apply (a priority raise) counts from the cycle's
 * original start, under its own terms, keeping paused time. A customer reply after an agent's public reply starts
 * next response; an agent's public reply fulfils first and next response and re-arms periodic update. Solving
 * fulfils every clock; reopening resumes resolution; a closed or merged ticket has no clock.
 */
public final class SlaClock {
    private static final Comparator<MetricEvent> CHRONOLOGICAL = Comparator.comparing(MetricEvent::at)
            .thenComparing(MetricEvent::metric).thenComparingInt(MetricEvent::cycle).thenComparing(MetricEvent::type);

    private SlaClock() {
    }

    /** The clocks as of {@code asOf}; facts after it are ignored, as they have not happened yet. */
    public static SlaEvaluation evaluate(SlaTimeline timeline, SlaPolicies policies, Instant asOf) {
        if (asOf.isBefore(timeline.createdAt())) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the ticket was created");
        }
        TicketCourse course = new TicketCourse(timeline, asOf);
        Map<SlaMetric, MetricClock> clocks = new EnumMap<>(SlaMetric.class);
        List<MetricEvent> events = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            List<TermsPeriod> periods = periods(metric, course, policies);
            MetricClock clock = MetricClock.notApplicable(metric, 0, periods.get(periods.size() - 1).terms(), null);
            for (MetricCycle cycle : MetricCycles.of(metric, course)) {
                CycleReplay replay = CycleReplay.of(cycle, periods, course);
                events.addAll(replay.events());
                clock = replay.clock();
            }
            clocks.put(metric, clock);
        }
        events.sort(CHRONOLOGICAL);
        String policy = policies.applicableTo(course.subjectNow()).map(SlaPolicy::name).orElse(null);
        return new SlaEvaluation(asOf, policy, clocks, events);
    }

    /** Stretches of the ticket's life with the same terms for {@code metric}; a change of team alone is no change. */
    private static List<TermsPeriod> periods(SlaMetric metric, TicketCourse course, SlaPolicies policies) {
        List<TermsPeriod> periods = new ArrayList<>();
        List<TicketCourse.Stretch<SlaSubject>> subjects = course.subjects();
        for (int i = 0; i < subjects.size(); i++) {
            Instant to = i + 1 < subjects.size() ? subjects.get(i + 1).from() : null;
            ClockTerms terms = policies.termsFor(metric, subjects.get(i).value()).orElse(null);
            TermsPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && Objects.equals(last.terms(), terms)) {
                periods.set(periods.size() - 1, new TermsPeriod(last.from(), to, terms));
            } else {
                periods.add(new TermsPeriod(subjects.get(i).from(), to, terms));
            }
        }
        return periods;
    }
}
