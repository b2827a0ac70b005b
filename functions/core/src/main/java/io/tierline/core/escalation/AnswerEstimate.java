package io.tierline.core.escalation;

import io.tierline.core.sla.ClockState;
import io.tierline.core.sla.MetricClock;
import io.tierline.core.sla.SlaEvaluation;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.time.PlainTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the customer is told to expect, read from the ticket's SLA clocks: the earliest promise still ahead for an
 * answer (first or next response, or a periodic update), else the resolution target. When every promise is already
 * missed, the message says so instead of inventing a date.
 */
public final class AnswerEstimate {
    private static final List<SlaMetric> ANSWERS = List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE,
            SlaMetric.PERIODIC_UPDATE);

    private AnswerEstimate() {
    }

    /** The sentence about when to expect an answer, as of {@code now}. */
    public static String sentence(SlaEvaluation clocks, Instant now) {
        Optional<Instant> answer = earliestAhead(clocks, ANSWERS, now);
        if (answer.isPresent()) {
            return "We expect to answer by " + PlainTime.of(answer.get(), ZoneOffset.UTC) + ".";
        }
        Optional<Instant> resolution = earliestAhead(clocks, List.of(SlaMetric.RESOLUTION), now);
        if (resolution.isPresent()) {
            return "We expect to resolve it by " + PlainTime.of(resolution.get(), ZoneOffset.UTC) + ".";
        }
        boolean missed = clocks.clocks().values().stream().anyMatch(c -> c.state() == ClockState.BREACHED);
        // no word on priority here: whether it changed is the escalation's to say (EscalationEngine)
        return missed ? "We are past the time we promised you, and we are sorry: you will hear from us as soon as "
                + "possible." : "We will keep you updated here.";
    }

    private static Optional<Instant> earliestAhead(SlaEvaluation clocks, List<SlaMetric> metrics, Instant now) {
        return metrics.stream().map(clocks.clocks()::get).filter(c -> c != null && c.state() == ClockState.RUNNING)
                .map(MetricClock::dueAt).filter(at -> at != null && at.isAfter(now.plus(Duration.ofSeconds(59))))
                .min(Instant::compareTo);
    }
}
