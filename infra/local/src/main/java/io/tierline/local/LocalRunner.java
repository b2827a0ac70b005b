package io.tierline.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The command line: runs the template's world locally until Ctrl-C. */
public final class LocalRunner {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** Parsed command line. */
    record Arguments(LocalOptions options, boolean help) {

        static Arguments parse(String[] args) {
            LocalOptions options = LocalOptions.defaults(Path.of("template.yaml"));
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                String value = null;
                int equals = flag.indexOf('=');
                if (flag.startsWith("--") && equals > 0) {
                    value = flag.substring(equals + 1);
                    flag = flag.substring(0, equals);
                }
                if (flag.equals("--help") || flag.equals("-h")) {
                    help = true;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(flag + " needs a value");
                    }
                    value = args[++i];
                }
                options = switch (flag) {
                    case "--template" -> options.withTemplate(Path.of(value));
                    case "--http-port" -> options.withPorts(port(flag, value), options.lambdaPort(), options.dynamoDbPort(),
                            options.sqsPort());
                    case "--lambda-port" -> options.withPorts(options.httpPort(), port(flag, value), options.dynamoDbPort(),
                            options.sqsPort());
                    case "--dynamodb-port" -> options.withPorts(options.httpPort(), options.lambdaPort(), port(flag, value),
                            options.sqsPort());
                    case "--sqs-port" -> options.withPorts(options.httpPort(), options.lambdaPort(), options.dynamoDbPort(),
                            port(flag, value));
                    case "--identity-port" -> options.withIdentityPort(port(flag, value));
                    case "--data-dir" -> options.withDataDir(Path.of(value));
                    case "--policy" -> options.withPolicyFile(Path.of(value));
                    case "--aot-cache" -> options.withAotCache(switch (value) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--aot-cache must be on or off, not " + value);
                    });
                    default -> throw new IllegalArgumentException("Unknown option " + flag);
                };
            }
            return new Arguments(options, help);
        }

        private static int port(String flag, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a port number (0 = any free port), not " + value);
            }
        }
    }

    static final String USAGE = """
            Usage: java -jar infra/local/target/tierline-local.jar [options]

            Runs the functions, queues and table of a SAM template on this machine (loopback only, no Docker):
            DynamoDB Local, ElasticMQ for SQS, each function in a JVM behind an emulated Lambda Runtime API,
            the HTTP API, SQS event sources, schedules and the Lambda Invoke API.

              --template <file>       SAM template (default ./template.yaml)
              --http-port <port>      HTTP API (default 3000)
              --lambda-port <port>    Lambda Invoke API (default 3001)
              --dynamodb-port <port>  DynamoDB Local (default 8000)
              --sqs-port <port>       ElasticMQ (default 9324)
              --identity-port <port>  local stand-in for the Cognito user pools: JWKS and demo tokens (default 3002)
              --data-dir <dir>        keep DynamoDB data and queued SQS messages in this folder between runs
              --policy <file>         a policy document (triage, SLA, escalation) instead of the bundled one
              --aot-cache <on|off>    JDK 25 AOT cache for the function processes (default on): the first start
                                      records it (written when the runner stops), later starts use it
              --help                  this text

            Environment: TIERLINE_LOCAL_LOG_FORMAT=json makes the functions log JSON lines as in Lambda (default: text).
            A port of 0 picks a free one. Build the function zips first (./mvnw package). Stop with Ctrl-C.
            """;

    private LocalRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        long startNanos = System.nanoTime();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(USAGE);
            return;
        }
        if (!Files.isRegularFile(arguments.options().template())) {
            System.err.println("No SAM template at " + arguments.options().template().toAbsolutePath()
                    + " (use --template <file>)");
            System.exit(2);
            return;
        }
        LocalSystem system;
        try {
            system = LocalSystem.start(arguments.options());
        } catch (RuntimeException e) {
            System.err.println("Tierline local did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Tierline local...");
            System.out.print(system.metrics().summary());
            system.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "tierline-local-shutdown"));
        printEndpoints(system, System.out);
        reportReadiness(system, startNanos, System.out);
        stopped.await();
    }

    private static void reportReadiness(LocalSystem system, long startNanos, PrintStream out) throws InterruptedException {
        LocalSystem.Readiness readiness = system.awaitFunctions(READY_TIMEOUT);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!readiness.failed().isEmpty()) {
            // a function that fails its start (an invalid --policy document) would fail every request: stop instead
            printStartFailures(readiness.failed(), System.err);
            System.exit(1);
        }
        if (readiness.allReady()) {
            out.printf(Locale.ROOT, "Tierline local is ready in %.1f s%n", seconds);
            return;
        }
        readiness.starting().forEach(id -> out.println("WARNING: " + id + " did not poll for work within " + READY_TIMEOUT));
        out.printf(Locale.ROOT, "Tierline local is running after %.1f s, but not every function is ready (see above).%n",
                seconds);
    }

    /** Why functions failed to start, each reason once with the functions it stopped (a bad policy stops them all). */
    static void printStartFailures(Map<String, String> failed, PrintStream err) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        failed.forEach((id, why) -> byReason.computeIfAbsent(why.replace(id + FunctionProcess.INIT_FAILED, ""),
                reason -> new ArrayList<>()).add(id));
        err.println("Tierline local did not start: " + failed.size() + " function(s) failed to initialise.");
        byReason.forEach((reason, ids) -> err.println(String.join(", ", ids) + ":\n  " + reason));
    }

    static void printEndpoints(LocalSystem system, PrintStream out) {
        SamTemplate template = system.template();
        LocalOptions options = system.options();
        out.println("Tierline local, from " + template.file());
        out.println("  HTTP API          " + system.httpApiUrl() + "  routes: " + String.join(", ", system.httpRouteKeys()));
        if (system.httpRouteKeys().contains("GET /dashboard")) {
            out.println("  Dashboard         " + system.httpApiUrl() + "/dashboard  (sign in as a demo user below)");
        }
        out.println("  Metrics           " + system.httpApiUrl() + "/_local/metrics  (the EMF metrics the functions"
                + " emitted; totals again at Ctrl-C)");
        if (options.policyFile() != null) {
            out.println("  Policy document   " + options.policyFile());
        }
        Map<String, Object> parameters = template.sections().parameterDefaults();
        if (!parameters.isEmpty()) {
            // Defaults, or the template's Metadata.TierlineLocal.ParameterValues (EmailDelivery=outbox: email is
            // recorded in the table and listed by GET /outbox/emails instead of going to SES)
            out.println("  Parameters        " + String.join(", ", parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        out.println("  Lambda Invoke API " + system.lambdaUrl() + "  (aws lambda invoke --endpoint-url "
                + system.lambdaUrl() + " --function-name <LogicalId> ...)");
        out.println("  DynamoDB          " + system.dynamoDbUrl() + "  tables: "
                + String.join(", ", system.aws().tableNames().values()));
        out.println("                    " + (options.dataDir() == null ? "in memory: data is gone when this stops"
                : "data and queued SQS messages kept in " + options.dataDir().toAbsolutePath()));
        out.println("  SQS               " + system.sqsUrl());
        system.aws().queueUrls().forEach((id, url) -> out.printf("    %-24s %s%n", id, url));
        out.println("  Region " + LocalAccount.REGION + ", account " + LocalAccount.ACCOUNT_ID + ", access key "
                + LocalAccount.ACCESS_KEY_ID + " / secret " + LocalAccount.SECRET_ACCESS_KEY);
        LocalIdentity identity = system.aws().identity();
        for (String pool : identity.poolLogicalIds()) {
            out.println("  Sign-in (" + pool + ")  issuer " + identity.issuer(pool));
            out.println("    get a token: curl -s -X POST " + identity.issuer(pool) + "/token -d username=<user>");
            identity.users().forEach(u -> out.printf("    %-8s %s%n", u.username(), u.name()));
        }
        out.println("  Functions");
        system.functions().forEach((id, function) ->
                out.printf("    %-24s %s  %s%n", id, function.runtimeDescription(), describeEvents(function.definition())));
        system.schedules().forEach((id, schedule) -> out.printf("    schedule %-15s %s next: %s%n", id,
                schedule.event().expression(), schedule.nextRun() == null ? "-" : schedule.nextRun()));
    }

    private static String describeEvents(FunctionDefinition function) {
        List<String> events = new ArrayList<>();
        function.events(FunctionEvent.HttpApi.class).forEach(e -> events.add("HTTP " + e.routeKey()));
        function.events(FunctionEvent.Sqs.class).forEach(e -> events.add("SQS " + e.queueLogicalId()
                + " (batch " + e.batchSize() + ", window " + e.maximumBatchingWindowInSeconds() + " s)"));
        function.events(FunctionEvent.Schedule.class).forEach(e -> events.add("schedule " + e.expression()));
        return String.join("; ", events);
    }
}
