package io.tierline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (2018-06-01) of one function, on its own loopback port: the runtime interface client in
 * the function process long-polls {@code next}, gets one invocation at a time and posts its response or error.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_REPLY = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    private final String functionArn;
    private final HttpServer server;
    private final ScheduledExecutorService timers;
    private final Deque<Invocation> queued = new ArrayDeque<>();
    private final Map<String, Invocation> inFlight = new HashMap<>();
    private final Deque<CompletableFuture<Invocation>> waitingPolls = new ArrayDeque<>();
    private CompletableFuture<Void> nextPoll = new CompletableFuture<>();
    private volatile byte[] initError;
    private volatile Consumer<String> timeoutListener = requestId -> { };
    private boolean closed;

    /** One queued or running invocation; the deadline is set when the runtime takes it. */
    private static final class Invocation {
        final String requestId = UUID.randomUUID().toString();
        final byte[] payload;
        final Duration timeout;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        Instant deadline;
        ScheduledFuture<?> timer;

        Invocation(byte[] payload, Duration timeout) {
            this.payload = payload;
            this.timeout = timeout;
        }
    }

    private LambdaRuntimeApi(String functionName, String functionArn) {
        this.functionArn = functionArn;
        this.timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(functionName + "-timeouts"));
        this.server = LoopbackHttp.start(0, functionName + "-runtime-api",
                http -> http.createContext(PREFIX, this::handle));
    }

    public static LambdaRuntimeApi start(String functionName, String functionArn) {
        return new LambdaRuntimeApi(functionName, functionArn);
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return FreePort.LOOPBACK.getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Called with the request id of an invocation that ran past its timeout (Lambda then resets the runtime). */
    void onTimeout(Consumer<String> listener) {
        this.timeoutListener = listener;
    }

    /**
     * Queues an invocation for the runtime. The timeout counts from when the runtime takes it, as Lambda's
     * function timeout does not include waiting for a free execution environment.
     */
    public CompletableFuture<InvocationResult> invoke(byte[] payload, Duration timeout) {
        Invocation invocation = new Invocation(payload, timeout);
        synchronized (this) {
            if (closed) {
                invocation.result.completeExceptionally(new IllegalStateException("The runtime API is closed"));
                return invocation.result;
            }
            queued.addLast(invocation);
            dispatch();
        }
        return invocation.result;
    }

    /** Completes at the next {@code next} call from now on: the runtime of a (re)started process is ready. */
    synchronized CompletableFuture<Void> nextPoll() {
        if (nextPoll.isDone()) {
            nextPoll = new CompletableFuture<>();
        }
        initError = null;
        return nextPoll;
    }

    /** The init error the runtime posted since the last {@link #nextPoll()}, or null. */
    byte[] initError() {
        return initError;
    }

    /**
     * The runtime process is gone: its pending {@code next} polls are dropped and the invocation it was running
     * fails as on Lambda. Queued invocations stay for the next process unless {@code failQueued} is given.
     */
    synchronized void runtimeStopped(String exitDetail, InvocationResult failQueuedWith) {
        waitingPolls.forEach(poll -> poll.completeExceptionally(new IllegalStateException("runtime stopped")));
        waitingPolls.clear();
        List<Invocation> running = new ArrayList<>(inFlight.values());
        inFlight.clear();
        running.forEach(invocation -> finish(invocation, InvocationResult.runtimeExited(invocation.requestId, exitDetail)));
        if (failQueuedWith != null) {
            queued.forEach(invocation -> finish(invocation, failQueuedWith));
            queued.clear();
        }
    }

    synchronized boolean hasQueuedInvocations() {
        return !queued.isEmpty();
    }

    private void dispatch() {
        while (!queued.isEmpty() && !waitingPolls.isEmpty()) {
            CompletableFuture<Invocation> poll = waitingPolls.pollFirst();
            Invocation invocation = queued.pollFirst();
            startClock(invocation);
            inFlight.put(invocation.requestId, invocation);
            poll.complete(invocation);
        }
    }

    private void startClock(Invocation invocation) {
        invocation.deadline = Instant.now().plus(invocation.timeout);
        invocation.timer = timers.schedule(() -> timedOut(invocation), invocation.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void timedOut(Invocation invocation) {
        synchronized (this) {
            if (inFlight.remove(invocation.requestId) == null) {
                return;
            }
        }
        finish(invocation, InvocationResult.timedOut(invocation.requestId, invocation.timeout));
        timeoutListener.accept(invocation.requestId);
    }

    private static void finish(Invocation invocation, InvocationResult result) {
        if (invocation.timer != null) {
            invocation.timer.cancel(false);
        }
        invocation.result.complete(result);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if ("POST".equals(method) && path.equals(PREFIX + "init/error")) {
                initError = LoopbackHttp.readBody(exchange);
                accepted(exchange);
            } else if ("POST".equals(method) && INVOCATION_REPLY.matcher(path).matches()) {
                reply(exchange, INVOCATION_REPLY.matcher(path));
            } else {
                LoopbackHttp.sendJson(exchange, 404, Map.of("errorType", "NotFound", "errorMessage", path));
            }
        } finally {
            exchange.close();
        }
    }

    /** Blocks until an invocation is there: an empty answer while idle crashes the runtime interface client. */
    private void next(HttpExchange exchange) throws IOException {
        CompletableFuture<Invocation> poll = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                LoopbackHttp.sendJson(exchange, 500, Map.of("errorType", "ShuttingDown", "errorMessage", "closed"));
                return;
            }
            waitingPolls.addLast(poll);
            nextPoll.complete(null);
            dispatch();
        }
        Invocation invocation;
        try {
            invocation = poll.join();
        } catch (CompletionException e) {
            return; // the runtime is gone or the API closes: nothing to deliver
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.deadline.toEpochMilli()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId());
        try {
            LoopbackHttp.send(exchange, 200, invocation.payload);
        } catch (IOException e) {
            requeue(invocation);
            throw e;
        }
    }

    /** The poll's connection broke while handing the invocation over: give it to the next poll instead. */
    private synchronized void requeue(Invocation invocation) {
        if (inFlight.remove(invocation.requestId) != null) {
            invocation.timer.cancel(false);
            queued.addFirst(invocation);
            dispatch();
        }
    }

    private void reply(HttpExchange exchange, Matcher matcher) throws IOException {
        matcher.matches();
        String requestId = matcher.group(1);
        byte[] body = LoopbackHttp.readBody(exchange);
        Invocation invocation;
        synchronized (this) {
            invocation = inFlight.remove(requestId);
        }
        if (invocation == null) {
            LoopbackHttp.sendJson(exchange, 400, Map.of("errorType", "InvalidRequestID",
                    "errorMessage", "No running invocation " + requestId + " (timed out?)"));
            return;
        }
        finish(invocation, "response".equals(matcher.group(2))
                ? InvocationResult.success(body)
                : InvocationResult.reportedError(body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
        accepted(exchange);
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        LoopbackHttp.sendJson(exchange, 202, Map.of("status", "OK"));
    }

    private static String traceId() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + random.substring(0, 24)
                + ";Parent=" + random.substring(16, 32) + ";Sampled=0";
    }

    /** Fails whatever is queued or running and stops listening. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            runtimeStopped("because the local runner stopped", InvocationResult.runtimeExited("-", "because the local runner stopped"));
        }
        LoopbackHttp.stop(server);
        timers.shutdownNow();
    }
}
