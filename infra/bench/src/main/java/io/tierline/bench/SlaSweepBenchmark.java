package io.tierline.bench;

import io.tierline.core.aws.DynamoDbDueDeadlines;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.port.DueDeadlines;
import io.tierline.core.sweep.SweepService;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the SLA sweep costs against what a full-table scan would: loads N open tickets into DynamoDB Local (a given
 * share due within the sweep window), runs the real sweep (DueIndex reader, SQS outbox to ElasticMQ) and a naive
 * paginated scan for the same deadlines, and prints items read, requests and wall time side by side.
 * Issue 5's target: the sweep reads within 10 % of the due count, whatever the number of open tickets.
 */
public final class SlaSweepBenchmark {
    /** As deployed: the default of {@code tierline.sweep.window} (TierlineSettings). */
    static final Duration WINDOW = Duration.ofMinutes(2);
    static final double TARGET_READ_RATIO = 1.10;

    /**
     * @param runs        timed sweeps, after one warm-up sweep that is not counted
     * @param scanRuns    timed scans, without a warm-up: DynamoDB Local takes minutes to scan 100,000 items (a page
     *                    costs more the larger the table), against which class loading is noise
     * @param loadThreads threads writing the tickets
     */
    record Options(int tickets, double dueShare, int runs, int scanRuns, int loadThreads) {
        static Options parse(String... args) {
            BenchArgs a = BenchArgs.parse(args, List.of("tickets", "due-share", "runs", "scan-runs", "load-threads"));
            return new Options(a.positive("tickets", 100_000), a.share("due-share", 0.01), a.positive("runs", 5),
                    a.positive("scan-runs", 1), a.positive("load-threads", 4));
        }

        int due() {
            return Math.max(1, (int) Math.round(tickets * dueShare));
        }
    }

    /**
     * One way of finding the due deadlines; wall times are medians over the runs.
     *
     * @param find  finding the due deadlines only
     * @param whole the whole sweep including sending to SQS (null for the scan, which sends nothing)
     */
    record Cost(Set<String> found, long itemsRead, int dynamoRequests, int sqsRequests, Duration find,
                Duration whole) {
    }

    record Result(int tickets, int due, TicketLoader.Loaded load, Cost sweep, Cost scan) {
        double sweepReadRatio() {
            return (double) sweep.itemsRead() / due;
        }

        boolean sameTickets() {
            return sweep.found().equals(scan.found());
        }
    }

    private SlaSweepBenchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sla-sweep: " + e.getMessage());
            Exit.now(2);
            return;
        }
        run(options, System.out);
        Exit.now(0);
    }

    static Result run(Options options, PrintStream out) {
        try (LocalAws aws = LocalAws.start(LocalAws.Options.ephemeral())) {
            aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
            String table = aws.tableName("TicketsTable");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            OpenTickets tickets = new OpenTickets(options.tickets(), options.due(), now, WINDOW);

            out.printf(Locale.ROOT, "SLA sweep benchmark: %,d open tickets, %,d of them (%.2f %%) due within the"
                    + " sweep's %d-minute window%n", options.tickets(), tickets.due(),
                    100.0 * tickets.due() / options.tickets(), WINDOW.toMinutes());
            TicketLoader.Loaded load = new TicketLoader(aws.dynamoDb(), table, options.loadThreads())
                    .load(options.tickets(), i -> StoreItems.ticketItem(tickets.ticket(i)));
            out.printf(Locale.ROOT, "loaded %,d ticket items in %s (%,.0f items/s, %,d BatchWriteItem requests,"
                    + " %d threads)%n", load.items(), Durations.seconds(load.took()),
                    load.items() / (load.took().toNanos() / 1e9), load.requests(), options.loadThreads());

            TimedDueDeadlines index = new TimedDueDeadlines(new DynamoDbDueDeadlines(aws.dynamoDb(), table));
            SweepService sweep = new SweepService(index, new SqsOutbox(aws.sqs(), aws.queueUrl("TriageQueue"),
                    aws.queueUrl("EscalationQueue"), null), WINDOW);
            Result result = new Result(options.tickets(), tickets.due(), load,
                    measureSweep(sweep, index, now, options.runs()),
                    measureScan(new NaiveDueScan(aws.dynamoDb(), table), now.plus(WINDOW), options.scanRuns()));
            print(result, options, out);
            return result;
        }
    }

    private static Cost measureSweep(SweepService sweep, TimedDueDeadlines index, Instant now, int runs) {
        List<Duration> wholes = new ArrayList<>();
        List<Duration> finds = new ArrayList<>();
        SweepService.Report report = null;
        for (int run = 0; run <= runs; run++) { // run 0 warms up (class loading, JIT) and is not counted
            long started = System.nanoTime();
            report = sweep.sweep(now);
            if (run > 0) {
                wholes.add(Duration.ofNanos(System.nanoTime() - started));
                finds.add(index.lastTook);
            }
        }
        Set<String> found = index.last.due().stream().map(d -> d.ticketId().value()).collect(Collectors.toSet());
        return new Cost(found, report.itemsRead(), report.dynamoRequests(), report.sqsRequests(),
                Durations.median(finds), Durations.median(wholes));
    }

    private static Cost measureScan(NaiveDueScan scan, Instant until, int runs) {
        List<Duration> finds = new ArrayList<>();
        NaiveDueScan.Read read = null;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            read = scan.dueBy(until);
            finds.add(Duration.ofNanos(System.nanoTime() - started));
        }
        return new Cost(read.ticketIds(), read.itemsRead(), read.requests(), 0, Durations.median(finds), null);
    }

    private static void print(Result r, Options options, PrintStream out) {
        Cost sweep = r.sweep();
        Cost scan = r.scan();
        out.printf("wall times: the sweep's median of %d runs after a warm-up run, the scan's median of %d run%s"
                + " (DynamoDB Local)%n%n", options.runs(), options.scanRuns(), options.scanRuns() == 1 ? "" : "s");
        new TextTable("", "sweep (DueIndex)", "naive scan", "naive/sweep")
                .row("due tickets found", sweep.found().size(), scan.found().size(), "")
                .row("items read", sweep.itemsRead(), scan.itemsRead(),
                        Durations.ratio(scan.itemsRead(), sweep.itemsRead()))
                .row("DynamoDB requests", sweep.dynamoRequests(), scan.dynamoRequests(),
                        Durations.ratio(scan.dynamoRequests(), sweep.dynamoRequests()))
                .row("wall time, finding the due", Durations.millis(sweep.find()), Durations.millis(scan.find()),
                        Durations.ratio(scan.find().toNanos(), sweep.find().toNanos()))
                .row("SQS requests (sweep only)", sweep.sqsRequests(), "-", "")
                .row("wall time, whole sweep incl. SQS", Durations.millis(sweep.whole()), "-", "")
                .print(out);
        out.println();
        out.printf(Locale.ROOT, "both found the same %,d tickets: %s%n", sweep.found().size(),
                r.sameTickets() ? "yes" : "NO");
        // what carries over to AWS: DynamoDB bills and throttles a Scan per item read, not per item returned
        out.println("items read and requests are what DynamoDB bills; wall times are DynamoDB Local's, whose scan"
                + " pages cost more the larger the table (its scan time grows faster than the table)");
        out.printf(Locale.ROOT, "sweep read %d items for %d due (ratio %.2f, target <= %.2f: %s); scan read %d (%s);"
                        + " requests %d vs %d (%s); wall %s vs %s (%s)%n",
                sweep.itemsRead(), r.due(), r.sweepReadRatio(), TARGET_READ_RATIO,
                r.sweepReadRatio() <= TARGET_READ_RATIO ? "met" : "MISSED", scan.itemsRead(),
                Durations.ratio(scan.itemsRead(), sweep.itemsRead()), sweep.dynamoRequests(), scan.dynamoRequests(),
                Durations.ratio(scan.dynamoRequests(), sweep.dynamoRequests()), Durations.millis(sweep.find()),
                Durations.millis(scan.find()), Durations.ratio(scan.find().toNanos(), sweep.find().toNanos()));
    }

    /** The sweep's real index reader, timed, so that the finding part of a whole sweep can be told apart. */
    private static final class TimedDueDeadlines implements DueDeadlines {
        private final DueDeadlines index;
        private Read last;
        private Duration lastTook;

        TimedDueDeadlines(DueDeadlines index) {
            this.index = index;
        }

        @Override
        public Read dueBy(Instant until) {
            long started = System.nanoTime();
            last = index.dueBy(until);
            lastTook = Duration.ofNanos(System.nanoTime() - started);
            return last;
        }
    }
}
