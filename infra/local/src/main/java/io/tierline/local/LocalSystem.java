package io.tierline.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The whole local world built from a SAM template: emulated DynamoDB and SQS with the template's tables and
 * queues, every function in its own Lambda-like process, and the event sources that drive them (HTTP API, SQS,
 * schedules, Lambda Invoke API). Everything listens on loopback only.
 */
public final class LocalSystem implements AutoCloseable {

    private final LocalOptions options;
    private final SamTemplate template;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, FunctionProcess> functions = new LinkedHashMap<>();
    private final Map<String, ScheduleSource> schedules = new LinkedHashMap<>();
    private final List<SqsEventSource> sqsSources = new ArrayList<>();
    private final LocalMetrics metrics = new LocalMetrics();
    private LocalAws aws;
    private HttpApiGateway httpApi;
    private LambdaInvokeApi lambdaApi;

    private LocalSystem(LocalOptions options) {
        this.options = options;
        this.template = SamTemplate.load(options.template());
    }

    /** Starts everything; functions start initialising at once, see {@link #awaitReady}. */
    public static LocalSystem start(LocalOptions options) {
        LocalSystem system = new LocalSystem(options);
        try {
            system.startAll();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** The metrics the functions emitted so far (their EMF lines). */
    public LocalMetrics metrics() {
        return metrics;
    }

    private void startAll() {
        Consumer<String> functionLog = metrics.tap(options.functionLog());
        aws = track(LocalAws.start(new LocalAws.Options(options.dynamoDbPort(), options.sqsPort(), options.identityPort(),
                options.dataDir())));
        aws.createResources(template);
        for (FunctionDefinition function : template.functions().values()) {
            functions.put(function.logicalId(), track(FunctionProcess.start(function, functionEnvironment(function),
                    options.codeWorkFolder(), functionLog, options.aotCache())));
        }
        httpApi = track(HttpApiGateway.start(options.httpPort(), functions, template,
                Map.of(LocalMetrics.ROUTE, metrics.route())));
        lambdaApi = track(LambdaInvokeApi.start(options.lambdaPort(), functions, options.functionLog()));
        for (FunctionDefinition function : template.functions().values()) {
            startEventSources(function, functions.get(function.logicalId()));
        }
    }

    private void startEventSources(FunctionDefinition function, FunctionProcess process) {
        for (FunctionEvent.Sqs event : function.events(FunctionEvent.Sqs.class)) {
            if (event.enabled()) {
                sqsSources.add(track(SqsEventSource.start(event, function.logicalId(), process, aws, options.functionLog())));
            }
        }
        for (FunctionEvent.Schedule event : function.events(FunctionEvent.Schedule.class)) {
            String input = event.input() == null ? null : aws.resolver().resolveToString(event.input());
            ScheduleSource schedule = track(ScheduleSource.create(event, function.logicalId(), process, input,
                    Clock.systemUTC(), options.functionLog()));
            schedules.put(function.logicalId() + "." + event.name(), schedule);
            if (options.schedules() && event.enabled()) {
                schedule.startTimer();
            }
        }
    }

    private Map<String, String> functionEnvironment(FunctionDefinition function) {
        return functionEnvironment(aws, function, options.policyFile());
    }

    /**
     * What a function process gets besides Lambda's reserved variables: its template environment and the local
     * endpoints (also what the cold-start benchmark starts each function with).
     *
     * @param policyFile the policy document every function reads instead of the bundled one, or null
     */
    /** Whether the runner's own environment asks for JSON log lines (TIERLINE_LOCAL_LOG_FORMAT=json). */
    static boolean jsonLogs(Map<String, String> runnerEnvironment) {
        return "json".equalsIgnoreCase(runnerEnvironment.getOrDefault("TIERLINE_LOCAL_LOG_FORMAT", "text").strip());
    }

    /**
     * What replaces the template's Lambda switch to JSON log lines (Globals, QUARKUS_LOG_CONSOLE_JSON_ENABLED=true)
     * in the local processes and in the Quarkus tests, which both take the template's environment: readable lines
     * unless the runner's environment says TIERLINE_LOCAL_LOG_FORMAT=json.
     */
    public static Map<String, String> localLogEnvironment(Map<String, String> runnerEnvironment) {
        return Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", Boolean.toString(jsonLogs(runnerEnvironment)));
    }

    public static Map<String, String> functionEnvironment(LocalAws aws, FunctionDefinition function, Path policyFile) {
        Map<String, String> environment = new LinkedHashMap<>(aws.environmentOf(function));
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", aws.dynamoDbEndpoint().toString());
        environment.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", aws.sqsEndpoint().toString());
        // The SDKs' own service-specific endpoint variables, for code that builds clients without Quarkus.
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
        // readable lines locally; TIERLINE_LOCAL_LOG_FORMAT=json gives the JSON lines Lambda writes
        environment.putAll(localLogEnvironment(System.getenv()));
        if (policyFile != null) {
            environment.put("TIERLINE_POLICY_FILE", policyFile.toString());
        }
        return environment;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    /**
     * Where the functions' first start stands.
     *
     * @param ready    functions that have polled for work
     * @param failed   why each function that exited before polling failed (its log has the details)
     * @param starting functions still initialising
     */
    public record Readiness(List<String> ready, Map<String, String> failed, List<String> starting) {
        public boolean allReady() {
            return failed.isEmpty() && starting.isEmpty();
        }
    }

    /** Waits until every function has polled for its first invocation, failed, or the timeout passed. */
    public Readiness awaitFunctions(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> ready = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> starting = new ArrayList<>();
        for (FunctionProcess function : functions.values()) {
            String id = function.definition().logicalId();
            try {
                function.ready().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                ready.add(id);
            } catch (ExecutionException e) {
                failed.put(id, e.getCause().getMessage());
            } catch (TimeoutException e) {
                starting.add(id);
            }
        }
        return new Readiness(List.copyOf(ready), Collections.unmodifiableMap(failed), List.copyOf(starting));
    }

    /**
     * Waits until every function has polled for its first invocation.
     *
     * @throws IllegalStateException if a function failed to initialise (its log says why)
     * @throws TimeoutException      if that took longer than the timeout
     */
    public void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        Readiness readiness = awaitFunctions(timeout);
        if (!readiness.failed().isEmpty()) {
            throw new IllegalStateException(String.join("; ", readiness.failed().values()));
        }
        if (!readiness.starting().isEmpty()) {
            throw new TimeoutException(readiness.starting() + " did not poll for work within " + timeout);
        }
    }

    public URI httpApiUrl() {
        return httpApi.url();
    }

    public URI lambdaUrl() {
        return lambdaApi.url();
    }

    public URI dynamoDbUrl() {
        return aws.dynamoDbEndpoint();
    }

    public URI sqsUrl() {
        return aws.sqsEndpoint();
    }

    public String queueUrl(String logicalId) {
        return aws.queueUrl(logicalId);
    }

    public String tableName(String logicalId) {
        return aws.tableName(logicalId);
    }

    /** The emulators, with ready-made DynamoDB and SQS clients. */
    public LocalAws aws() {
        return aws;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalOptions options() {
        return options;
    }

    public List<String> httpRouteKeys() {
        return httpApi.routeKeys();
    }

    /** The running functions by logical id. */
    public Map<String, FunctionProcess> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public FunctionProcess function(String logicalId) {
        FunctionProcess function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + logicalId + "; functions: " + functions.keySet());
        }
        return function;
    }

    /** Invokes a function directly (RequestResponse) with a JSON payload. */
    public CompletableFuture<InvocationResult> invoke(String functionLogicalId, String payloadJson) {
        return function(functionLogicalId).invoke(payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Schedule events by "FunctionLogicalId.EventName". */
    public Map<String, ScheduleSource> schedules() {
        return Collections.unmodifiableMap(schedules);
    }

    /** Sends a Schedule/ScheduleV2 event's payload now, as if its time had come. */
    public CompletableFuture<InvocationResult> fireSchedule(String functionLogicalId, String eventName) {
        ScheduleSource schedule = schedules.get(functionLogicalId + "." + eventName);
        if (schedule == null) {
            throw new IllegalArgumentException("No schedule " + functionLogicalId + "." + eventName + "; schedules: "
                    + schedules.keySet());
        }
        return schedule.fireNow();
    }

    /** Stops event sources first, then functions, then the emulators. */
    @Override
    public void close() {
        sqsSources.forEach(SqsEventSource::stopPolling);
        stopFunctionsTogether();
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            if (resource instanceof FunctionProcess) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Stopping " + resource.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    /** A process recording its AOT cache writes it as it exits, for seconds: stop them all at once, not in turn. */
    private void stopFunctionsTogether() {
        List<Thread> stopping = new ArrayList<>();
        for (FunctionProcess function : functions.values()) {
            Thread thread = new Thread(function::close, "stop-" + function.definition().logicalId());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
