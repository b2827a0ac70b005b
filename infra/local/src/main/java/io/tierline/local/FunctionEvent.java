package io.tierline.local;

import java.util.List;

/** An event source of a function, as declared under its {@code Events}. Other event types are ignored. */
public sealed interface FunctionEvent {

    /** The event's name under Events (e.g. "Proxy"). */
    String name();

    /** @param path a path such as {@code /tickets/{id}}, or {@code $default} when the event has no Path and Method */
    record HttpApi(String name, String path, String method) implements FunctionEvent {

        public static final String DEFAULT_ROUTE = "$default";

        /** The API Gateway route key: {@code "GET /tickets"}, {@code "ANY /{proxy+}"} or {@code "$default"}. */
        public String routeKey() {
            return DEFAULT_ROUTE.equals(path) ? DEFAULT_ROUTE : method + " " + path;
        }
    }

    /**
     * @param queueLogicalId the queue of this template the event reads
     * @param functionResponseTypes e.g. {@code [ReportBatchItemFailures]}
     */
    record Sqs(String name, String queueLogicalId, int batchSize, int maximumBatchingWindowInSeconds,
               List<String> functionResponseTypes, boolean enabled) implements FunctionEvent {

        public Sqs {
            functionResponseTypes = List.copyOf(functionResponseTypes);
        }

        public boolean reportsBatchItemFailures() {
            return functionResponseTypes.contains("ReportBatchItemFailures");
        }
    }

    /**
     * A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) event.
     *
     * @param expression {@code rate(...)} or {@code cron(...)}
     * @param input      the Input as written: JSON text, an {@link Intrinsic} resolved at run time, or null
     *                   (a rule then sends the "Scheduled Event")
     * @param timeZone   the ScheduleExpressionTimezone of a ScheduleV2 ({@code UTC} otherwise)
     */
    record Schedule(String name, Kind kind, String expression, Object input, String timeZone, boolean enabled)
            implements FunctionEvent {

        public enum Kind { EVENTBRIDGE_RULE, EVENTBRIDGE_SCHEDULER }
    }
}
