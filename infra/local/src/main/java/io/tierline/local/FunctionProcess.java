package io.tierline.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One function running the way the managed Java runtime runs it: a JVM with the runtime interface client in front
 * of the handler, the unpacked code as working directory, and an emulated Runtime API to poll. Started eagerly;
 * a crashed or timed-out process is replaced, as Lambda replaces an execution environment.
 */
public final class FunctionProcess implements Invocable, AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** A process recording its AOT cache writes it when it exits, which takes a few seconds more. */
    private static final Duration STOP_GRACE_RECORDING = Duration.ofSeconds(60);
    /** A JVM option that picks a garbage collector ({@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, ...). */
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC\\b");
    private static final String ON_DEMAND_COMPILATION = " -XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final FunctionDefinition function;
    private final Map<String, String> environment;
    private final Path workFolder;
    private final Consumer<String> log;
    private final JavaRuntimes.Choice java;
    private final boolean aotCache;
    private final LambdaRuntimeApi runtimeApi;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private final Object lock = new Object();
    private Process process;
    private volatile long processStartedNanos;
    private boolean processReady;
    private boolean processRecording;
    private boolean closed;

    private FunctionProcess(FunctionDefinition function, Map<String, String> environment, Path workFolder,
                            Consumer<String> log, boolean aotCache) {
        this.function = function;
        this.aotCache = aotCache;
        this.environment = Map.copyOf(environment);
        this.workFolder = workFolder;
        this.log = log;
        this.java = JavaRuntimes.system().choose(function.runtime());
        this.runtimeApi = LambdaRuntimeApi.start(function.logicalId(), function.arn());
        runtimeApi.onTimeout(requestId -> replaceProcess("invocation " + requestId + " timed out"));
    }

    /**
     * Starts the function's process now.
     *
     * @param environment the function's variables: its template Environment (resolved) and service endpoints;
     *                    Lambda's reserved variables are added here
     * @param workFolder  where CodeUri zips get unpacked
     * @param log         receives every output line of the process, already prefixed with {@code [LogicalId] }
     */
    public static FunctionProcess start(FunctionDefinition function, Map<String, String> environment, Path workFolder,
                                        Consumer<String> log) {
        return start(function, environment, workFolder, log, false);
    }

    /**
     * As {@link #start(FunctionDefinition, Map, Path, Consumer)}; with {@code aotCache} on a JDK 25 or later the
     * processes use the function's AOT cache ({@link AotCache}), recording it first if there is none. The local
     * runner does; the cold-start benchmark measures without, as Lambda starts the deployed zip.
     */
    public static FunctionProcess start(FunctionDefinition function, Map<String, String> environment, Path workFolder,
                                        Consumer<String> log, boolean aotCache) {
        FunctionProcess started = new FunctionProcess(function, environment, workFolder, log, aotCache);
        if (started.java.warning() != null) {
            log.accept(started.prefix() + "WARNING: " + started.java.warning());
        }
        try {
            synchronized (started.lock) {
                started.startProcess();
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public FunctionDefinition definition() {
        return function;
    }

    /** e.g. "java25 (JDK 25 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)" */
    public String runtimeDescription() {
        return function.runtime() + " (JDK " + java.version() + " " + java.java() + ")";
    }

    /** {@link System#nanoTime()} just before the current (or last) process was spawned: where a cold start begins. */
    public long processStartedNanos() {
        return processStartedNanos;
    }

    /** Between the function's id and the reason it gave, in the message of a failed {@link #ready()}. */
    static final String INIT_FAILED = " failed to initialise: ";

    /** Completes when the first process polls for work; fails if it exits before that (an init error). */
    public CompletableFuture<Void> ready() {
        return firstReady;
    }

    /** Invokes the function with the template's Timeout, starting a new process if the last one is gone. */
    @Override
    public CompletableFuture<InvocationResult> invoke(byte[] payload) {
        synchronized (lock) {
            if (process == null && !closed) {
                startProcess();
            }
        }
        return runtimeApi.invoke(payload, Duration.ofSeconds(function.timeout()));
    }

    private String prefix() {
        return "[" + function.logicalId() + "] ";
    }

    /** Must hold the lock. The code is unpacked again if its zip changed, so a restart picks up a rebuild. */
    private void startProcess() {
        Path taskRoot = FunctionCode.taskRoot(function.codeUri(), workFolder);
        AotCache aot = aotCache && java.version() >= AotCache.MIN_JDK ? AotCache.of(taskRoot, function.logicalId()) : null;
        Map<String, String> variables = processEnvironment(taskRoot);
        if (aot != null && aot.creatable()) {
            long creating = System.nanoTime();
            List<String> jvm = javaCommand(null, aot);
            if (aot.create(jvm.subList(0, jvm.size() - 2), variables, line -> log.accept(prefix() + line))) {
                log.accept(prefix() + String.format(Locale.ROOT, "AOT cache created from the first start's recording"
                        + " in %.1f s", (System.nanoTime() - creating) / 1e9));
            }
        }
        boolean recording = aot != null && aot.training();
        if (recording) {
            log.accept(prefix() + "no AOT cache yet: this process records what it loads; the next start creates"
                    + " the cache from that");
        }
        ProcessBuilder builder = new ProcessBuilder(javaCommand(aot, aot))
                .directory(taskRoot.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(variables);
        CompletableFuture<Void> polled = runtimeApi.nextPoll();
        Process started;
        try {
            processStartedNanos = System.nanoTime();
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + function.logicalId() + " with " + java.java(), e);
        }
        process = started;
        processReady = false;
        processRecording = recording;
        polled.thenRun(() -> {
            synchronized (lock) {
                if (process == started) {
                    processReady = true;
                }
            }
            firstReady.complete(null);
        });
        pumpOutput(started);
        started.onExit().thenAccept(exited -> {
            if (recording) {
                aot.processExited();
            }
            exited(exited);
        });
    }

    /**
     * The JVM, its options and class path, the runtime interface client's main class and the handler.
     *
     * @param aot       the AOT cache options to use, or null
     * @param classPath adds the function's classes to the class path (as an AOT cache needs them), or null
     */
    private List<String> javaCommand(AotCache aot, AotCache classPath) {
        List<String> command = new ArrayList<>(List.of(java.java().toString()));
        if (java.version() >= 22) {
            // The runtime interface client loads its JNI library; JDK 22+ warns about that on every start unless
            // native access is granted. That warning is about the runtime, not the function, so keep it out of the log.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-D" + RuntimeInterfaceClient.JNI_PROPERTY + "=" + RuntimeInterfaceClient.jniLibrary());
        if (aot != null) {
            command.addAll(aot.jvmOptions());
        }
        String path = RuntimeInterfaceClient.classPath();
        if (classPath != null) {
            path = path + File.pathSeparator + classPath.functionClassPath();
        }
        command.addAll(List.of("-cp", path, RuntimeInterfaceClient.MAIN_CLASS,
                function.handler()));
        return command;
    }

    private Map<String, String> processEnvironment(Path taskRoot) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", "UTC");
        variables.putAll(environment);
        // Lambda's reserved variables: a template cannot override these.
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        variables.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        variables.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        variables.put("_HANDLER", function.handler());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        variables.put("AWS_REGION", LocalAccount.REGION);
        variables.put("AWS_DEFAULT_REGION", LocalAccount.REGION);
        variables.put("AWS_ACCESS_KEY_ID", LocalAccount.ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", LocalAccount.SECRET_ACCESS_KEY);
        variables.put("JAVA_TOOL_OPTIONS", javaToolOptions(function.memorySize(), environment.get("JAVA_TOOL_OPTIONS")));
        return variables;
    }

    /**
     * The JVM as Lambda's managed Java runtime starts it on demand, then the template's options, which come last and
     * so win (AWS Lambda Developer Guide, "Customize Java runtime startup behavior"). The machine is as big as
     * MemorySize (Lambda's microVM is), so the JVM sizes its first heap for that and not for this machine's RAM; the
     * heap is capped at about 85% of it; the collector is the serial one, the runtime's default (a 1,024 MB machine
     * is below the JVM's own threshold for G1 too); compilation stops at C1, as the runtime has it for on-demand
     * starts since Java 17 (with SnapStart it keeps the JVM's default tiers, which this runner does not emulate).
     * Without these a function here ran G1 over a 378 MB first heap on a 2-core, 24 GiB machine, and started in
     * different time than on Lambda for reasons Lambda never has. A template that names a collector gets only that
     * one: the JVM refuses two.
     */
    static String javaToolOptions(int memorySize, String fromTemplate) {
        String template = fromTemplate == null ? "" : fromTemplate.trim();
        String heap = "-XX:MaxRAM=" + memorySize + "m -Xmx" + Math.max(64, memorySize * 85 / 100) + "m";
        String collector = COLLECTOR_CHOICE.matcher(template).find() ? "" : " -XX:+UseSerialGC";
        return heap + collector + ON_DEMAND_COMPILATION + (template.isEmpty() ? "" : " " + template);
    }

    private void pumpOutput(Process started) {
        Thread pump = DaemonThreads.named(function.logicalId() + "-output").newThread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    log.accept(prefix() + line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        pump.start();
    }

    private void exited(Process exited) {
        synchronized (lock) {
            if (exited != process || closed) {
                return;
            }
            process = null;
            String detail = "with error: exit status " + exited.exitValue();
            log.accept(prefix() + "process exited " + detail);
            if (processReady) {
                runtimeApi.runtimeStopped(detail, null);
                if (runtimeApi.hasQueuedInvocations()) {
                    startProcess();
                }
            } else {
                InvocationResult initFailure = initFailure(detail);
                runtimeApi.runtimeStopped(detail, initFailure);
                firstReady.completeExceptionally(new IllegalStateException(
                        function.logicalId() + INIT_FAILED + initFailure.errorMessage()));
            }
        }
    }

    /** What queued invocations get when the process dies before polling: its posted init error if any. */
    private InvocationResult initFailure(String detail) {
        byte[] initError = runtimeApi.initError();
        if (initError == null) {
            return InvocationResult.runtimeExited("init", detail);
        }
        return InvocationResult.reportedError(initError, "Runtime.InitError");
    }

    /** Lambda resets an execution environment whose invocation timed out: kill this process, start a fresh one. */
    private void replaceProcess(String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            log.accept(prefix() + "restarting: " + reason);
            Process old = process;
            process = null;
            if (old != null) {
                stop(old, processRecording ? STOP_GRACE_RECORDING : STOP_GRACE);
            }
            runtimeApi.runtimeStopped("after a timeout", null);
            startProcess();
        }
    }

    private static void stop(Process running, Duration grace) {
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process and fails whatever invocations are still queued or running. */
    @Override
    public void close() {
        Process running;
        Duration grace;
        synchronized (lock) {
            closed = true;
            running = process;
            process = null;
            grace = processRecording ? STOP_GRACE_RECORDING : STOP_GRACE;
        }
        if (running != null) {
            stop(running, grace);
        }
        runtimeApi.close();
        firstReady.completeExceptionally(new IllegalStateException(function.logicalId() + " was stopped"));
    }
}
