package io.tierline.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Schedule (EventBridge rule) or ScheduleV2 (EventBridge Scheduler) event: invokes the function asynchronously
 * at each scheduled wall-clock time with the payload the real service would send.
 */
public final class ScheduleSource implements AutoCloseable {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final FunctionEvent.Schedule event;
    private final String functionId;
    private final Invocable function;
    private final String input;
    private final ScheduleExpression expression;
    private final Clock clock;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer;
    private volatile ZonedDateTime nextRun;

    private ScheduleSource(FunctionEvent.Schedule event, String functionId, Invocable function, String input,
                           Clock clock, Consumer<String> log) {
        this.event = event;
        this.functionId = functionId;
        this.function = function;
        this.input = input;
        this.clock = clock;
        this.log = log;
        this.expression = ScheduleExpression.parse(event.expression(),
                ZonedDateTime.now(clock).withZoneSameInstant(ScheduleExpression.zone(event.timeZone())));
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(functionId + "-" + event.name()
                + "-schedule"));
    }

    /**
     * A schedule that fires only when asked ({@link #fire}) until {@link #startTimer()}.
     *
     * @param input the event's Input with intrinsics resolved, or null
     */
    public static ScheduleSource create(FunctionEvent.Schedule event, String functionId, Invocable function, String input,
                                        Clock clock, Consumer<String> log) {
        return new ScheduleSource(event, functionId, function, input, clock, log);
    }

    public FunctionEvent.Schedule event() {
        return event;
    }

    /** Fires at every scheduled time from now on. */
    public ScheduleSource startTimer() {
        scheduleAfter(null);
        return this;
    }

    /** The next time the schedule fires, or null if it never will again. */
    public ZonedDateTime nextRun() {
        return nextRun;
    }

    /** @param lastRun the run that just fired: never fire it twice, even if the timer woke a little early */
    private void scheduleAfter(ZonedDateTime lastRun) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ScheduleExpression.zone(event.timeZone()));
        ZonedDateTime next = expression.nextAfter(lastRun != null && lastRun.isAfter(now) ? lastRun : now);
        nextRun = next;
        if (next == null || timer.isShutdown()) {
            return;
        }
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        timer.schedule(() -> {
            fire(next);
            scheduleAfter(next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends the event for a scheduled time now, as an asynchronous invocation (errors are only logged). */
    public CompletableFuture<InvocationResult> fire(ZonedDateTime scheduledTime) {
        byte[] payload = payload(scheduledTime).getBytes(StandardCharsets.UTF_8);
        return function.invoke(payload).whenComplete((result, failure) -> {
            if (failure != null || result.isError()) {
                log.accept("[" + functionId + "] scheduled invocation " + event.name() + " failed: "
                        + (failure != null ? failure : result));
            }
        });
    }

    /** Fires now with the current minute as the scheduled time. */
    public CompletableFuture<InvocationResult> fireNow() {
        return fire(ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
    }

    /** The event this schedule sends for a scheduled time (what {@link #fire} invokes the function with). */
    public String payload(ZonedDateTime scheduledTime) {
        String time = EVENT_TIME.format(scheduledTime.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        if (event.kind() == FunctionEvent.Schedule.Kind.EVENTBRIDGE_SCHEDULER) {
            String arn = LocalAccount.arn("scheduler", "schedule/default/" + functionId + "-" + event.name());
            return (input == null ? "{}" : input)
                    .replace("<aws.scheduler.scheduled-time>", time)
                    .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                    .replace("<aws.scheduler.schedule-arn>", arn)
                    .replace("<aws.scheduler.attempt-number>", "1");
        }
        if (input != null) {
            return input;
        }
        ObjectNode scheduled = Json.object();
        scheduled.put("version", "0");
        scheduled.put("id", UUID.randomUUID().toString());
        scheduled.put("detail-type", "Scheduled Event");
        scheduled.put("source", "aws.events");
        scheduled.put("account", LocalAccount.ACCOUNT_ID);
        scheduled.put("time", time);
        scheduled.put("region", LocalAccount.REGION);
        scheduled.putArray("resources").add(LocalAccount.arn("events", "rule/" + functionId + "-" + event.name()));
        scheduled.putObject("detail");
        return Json.write(scheduled);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
