package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.sla.MetricClock;
import io.tierline.core.sla.SlaEvaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA clocks as agents see them: per metric its target, due time, business time left, paused, breached,
 * and the warnings and breach still ahead (the dashboard marks them on the clock's bar).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClocksView(String policy, Instant asOf, List<Clock> clocks, Next nextDeadline, List<Event> events) {

    /**
     * One metric's clock, one flat JSON object written from the parts of {@link MetricClock}; durations in ISO 8601
     * ({@code PT1H30M}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Clock(String metric, int cycle, @JsonUnwrapped Standing standing, @JsonUnwrapped Promise promise,
                        @JsonUnwrapped Progress progress, List<Next> upcoming) {
    }

    public record Standing(String state, boolean paused, boolean breached) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Promise(String target, String calendar) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(Instant startedAt, Instant dueAt, String elapsed, String remaining) {
    }

    public record Next(String metric, int percent, Instant at) {
    }

    /** One metric event: activate, apply, pause, resume, warn, breach, fulfil, cancel. */
    public record Event(Instant at, String metric, String type, int percent) {
    }

    static ClocksView of(SlaEvaluation evaluation, Deadline next) {
        List<Clock> clocks = evaluation.clocks().values().stream().map(ClocksView::clock).toList();
        return new ClocksView(evaluation.policy(), evaluation.asOf(), clocks,
                next == null ? null : new Next(next.metric().code(), next.percent(), next.at()),
                evaluation.events().stream().map(e -> new Event(e.at(), e.metric().code(), e.type().name()
                        .toLowerCase(java.util.Locale.ROOT), e.percent())).toList());
    }

    private static Clock clock(MetricClock c) {
        return new Clock(c.metric().code(), c.cycle(), new Standing(c.state().code(), c.paused(), c.breached()),
                new Promise(text(c.target()), c.calendar()),
                new Progress(c.startedAt(), c.dueAt(), text(c.elapsed()), text(c.remaining())),
                c.upcoming().stream().map(d -> new Next(d.metric().code(), d.percent(), d.at())).toList());
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
