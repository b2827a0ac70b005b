package io.tierline.bench;

import io.tierline.local.FunctionDefinition;
import io.tierline.local.FunctionProcess;
import io.tierline.local.InvocationResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One cold start of one function, taken the way the local runner starts it ({@link FunctionProcess}: the template's
 * JDK and JAVA_TOOL_OPTIONS, the runtime interface client in front of the handler, the unpacked zip as task root)
 * with the first event already queued on its Runtime API, so the first {@code /next} poll gets it:
 * process spawned → first poll (JVM and Quarkus boot) → first response (first-request initialisation and the work),
 * then a few warm requests on the same process.
 *
 * @param boot         process spawned to the runtime's first {@code next} poll: JVM start, Quarkus start, the
 *                     handler's static and CDI start-up work
 * @param firstRequest first poll to the first response
 * @param warm         each later request, event handed over to response
 */
record ColdStart(Duration boot, Duration firstRequest, List<Duration> warm) {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    Duration total() {
        return boot.plus(firstRequest);
    }

    /**
     * @param extraJavaOptions appended to the template's JAVA_TOOL_OPTIONS (a class-load log), or null
     */
    static ColdStart measure(FunctionDefinition function, Map<String, String> environment, ColdStartEvents.Feed feed,
                             int warmRequests, String extraJavaOptions, Path workFolder, Consumer<String> log)
            throws Exception {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        if (extraJavaOptions != null) {
            variables.merge("JAVA_TOOL_OPTIONS", extraJavaOptions, (template, extra) -> template + " " + extra);
        }
        byte[] first = feed.next();
        try (FunctionProcess process = FunctionProcess.start(function, variables, workFolder, log)) {
            long spawned = process.processStartedNanos();
            CompletableFuture<Long> polled = process.ready().thenApply(ready -> System.nanoTime());
            CompletableFuture<Long> answered = new CompletableFuture<>();
            CompletableFuture<InvocationResult> reply = process.invoke(first)
                    .whenComplete((result, failure) -> answered.complete(System.nanoTime()));
            feed.check(reply.get(WITHIN.toSeconds(), TimeUnit.SECONDS));
            long firstPoll = polled.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            long firstAnswer = answered.get();
            List<Duration> warm = new ArrayList<>();
            for (int i = 0; i < warmRequests; i++) {
                byte[] event = feed.next();
                long sent = System.nanoTime();
                InvocationResult result = process.invoke(event).get(WITHIN.toSeconds(), TimeUnit.SECONDS);
                warm.add(Duration.ofNanos(System.nanoTime() - sent));
                feed.check(result);
            }
            return new ColdStart(Duration.ofNanos(firstPoll - spawned), Duration.ofNanos(firstAnswer - firstPoll),
                    List.copyOf(warm));
        }
    }
}
