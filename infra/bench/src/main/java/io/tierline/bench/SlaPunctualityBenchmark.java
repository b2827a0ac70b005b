package io.tierline.bench;

import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.local.LocalOptions;
import io.tierline.local.LocalSystem;
import io.tierline.local.ProjectRoot;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How punctual SLA breaches are in the local runner: starts the whole local system on the packaged function zips
 * with a policy whose first-response target is two minutes, creates tickets through the HTTP API spread over some
 * seconds, and lets the system work as deployed (triage sets each deadline, the minute schedule runs the sweep, SQS
 * delays each message to its second, the escalation worker records the breach). Then, for every breach, recorded
 * time minus deadline. Issue 5's target: under 2 s median.
 */
public final class SlaPunctualityBenchmark {
    static final Duration TARGET_MEDIAN = Duration.ofSeconds(2);
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> ZIPS = List.of("functions/api/target/function.zip",
            "functions/workers/target/function.zip");

    /**
     * @param spread how long creating the tickets takes: their deadlines spread the same way
     * @param bound  the whole run ends by then, whatever has not fired yet (counted as missing)
     */
    record Options(int tickets, Duration spread, Duration bound) {
        static Options parse(String... args) {
            BenchArgs a = BenchArgs.parse(args, List.of("tickets", "spread-seconds", "max-seconds"));
            return new Options(a.positive("tickets", 200), Duration.ofSeconds(a.positive("spread-seconds", 40)),
                    Duration.ofSeconds(a.positive("max-seconds", 240)));
        }
    }

    /**
     * @param expected tickets whose deadline triage set
     */
    record Result(int tickets, int expected, List<Punctuality.Fired> fired) {
        List<Duration> lateness() {
            return fired.stream().map(Punctuality.Fired::late).toList();
        }
    }

    private SlaPunctualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sla-punctuality: " + e.getMessage());
            Exit.now(2);
            return;
        }
        run(options, System.out);
        Exit.now(0);
    }

    static Result run(Options options, PrintStream out) throws Exception {
        long started = System.nanoTime();
        Instant endBy = Instant.now().plus(options.bound());
        Path root = ProjectRoot.find();
        for (String zip : ZIPS) {
            if (!Files.isRegularFile(root.resolve(zip))) {
                throw new IllegalStateException(zip + " is missing: bin/bench sla-punctuality builds it");
            }
        }
        Path work = Files.createTempDirectory("tierline-bench-");
        Path policyFile = BenchPolicy.write(work);
        Path template = BenchTemplate.write(ProjectRoot.templateFile(), policyFile, work);
        Path functionLog = work.resolve("functions.log");
        out.printf(Locale.ROOT, "SLA punctuality benchmark: %d tickets through the local HTTP API over %d s, first"
                + " response due %d minutes after creation (24x7); function logs: %s%n", options.tickets(),
                options.spread().toSeconds(), BenchPolicy.TARGET.toMinutes(), functionLog);

        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(functionLog, StandardCharsets.UTF_8), true);
             LocalSystem system = LocalSystem.start(LocalOptions.ephemeral(template).withFunctionLog(log::println))) {
            system.awaitReady(READY_WITHIN);
            out.printf(Locale.ROOT, "local system ready in %s%n", Durations.seconds(since(started)));
            TicketStore store = new DynamoDbTicketStore(system.aws().dynamoDb(), system.tableName("TicketsTable"));

            long creating = System.nanoTime();
            List<String> ids = new TicketApi(system.httpApiUrl()).createSpread(options.tickets(), options.spread());
            out.printf(Locale.ROOT, "created %d tickets in %s%n", ids.size(), Durations.seconds(since(creating)));
            Map<String, Deadline> deadlines = awaitDeadlines(store, ids, endBy);
            out.printf(Locale.ROOT, "triage set a deadline on %d of them; waiting for the last, due %s%n",
                    deadlines.size(), deadlines.values().stream().map(Deadline::at).max(Instant::compareTo)
                            .map(Instant::toString).orElse("-"));

            Punctuality punctuality = new Punctuality(new ClockKeeper(BenchPolicy.read(policyFile)::sla));
            Result result = new Result(ids.size(), deadlines.size(), awaitFired(store, punctuality, deadlines,
                    endBy));
            print(result, out);
            return result;
        }
    }

    /** Each ticket's next deadline once triage has set it. */
    private static Map<String, Deadline> awaitDeadlines(TicketStore store, List<String> ids, Instant endBy)
            throws InterruptedException {
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        while (deadlines.size() < ids.size() && Instant.now().isBefore(endBy)) {
            for (String id : ids) {
                if (!deadlines.containsKey(id)) {
                    store.find(new TicketId(id)).map(Ticket::nextDeadline).ifPresent(d -> deadlines.put(id, d));
                }
            }
            if (deadlines.size() < ids.size()) {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis()); // polling a condition, not waiting for time to pass
            }
        }
        return deadlines;
    }

    /**
     * Reads each ticket's trail once its deadline has passed, until its warning or breach is recorded or the run's
     * bound. The figures come from the recorded events, so how often this looks does not change them.
     */
    private static List<Punctuality.Fired> awaitFired(TicketStore store, Punctuality punctuality,
                                                      Map<String, Deadline> deadlines, Instant endBy)
            throws InterruptedException {
        List<Punctuality.Fired> fired = new ArrayList<>();
        Map<String, Deadline> pending = new LinkedHashMap<>(deadlines);
        while (!pending.isEmpty() && Instant.now().isBefore(endBy)) {
            Instant now = Instant.now();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getValue().at().isAfter(now)) {
                    continue;
                }
                Optional<TicketHistory> history = store.history(new TicketId(entry.getKey()));
                List<Punctuality.Fired> found = history.map(punctuality::firedIn).orElse(List.of());
                if (!found.isEmpty()) {
                    fired.addAll(found);
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        }
        return fired;
    }

    private static void print(Result r, PrintStream out) {
        out.println();
        if (r.fired().isEmpty()) {
            out.printf("no deadline fired of %d expected%n", r.expected());
            return;
        }
        List<Duration> late = r.lateness();
        Duration median = Durations.median(late);
        new TextTable("deadline to breach recorded", "")
                .row("deadlines fired", r.fired().size() + " of " + r.expected())
                .row("min", Durations.seconds(Durations.percentile(late, 0)))
                .row("median", Durations.seconds(median))
                .row("p90", Durations.seconds(Durations.percentile(late, 90)))
                .row("max", Durations.seconds(Durations.percentile(late, 100)))
                .print(out);
        out.println();
        out.printf(Locale.ROOT, "deadline to breach: median %s (target < %d s: %s), p90 %s, max %s over %d of %d"
                        + " deadlines%n", Durations.seconds(median), TARGET_MEDIAN.toSeconds(),
                median.compareTo(TARGET_MEDIAN) < 0 ? "met" : "MISSED",
                Durations.seconds(Durations.percentile(late, 90)), Durations.seconds(Durations.percentile(late, 100)),
                r.fired().size(), r.expected());
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
