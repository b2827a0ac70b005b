package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.local.FunctionDefinition;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmarks from rotting: the sweep benchmark end to end on a few hundred tickets, and the punctuality
 * benchmark's parts that need no wall-clock minutes (its policy, its template copy, how lateness is measured).
 * Figures are checked for what they count, never for how fast anything was.
 */
class BenchmarksSmokeTest {

    @Test
    void theSweepBenchmarkReadsExactlyTheDueTicketsAndTheScanReadsThemAll() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SlaSweepBenchmark.Result result = SlaSweepBenchmark.run(new SlaSweepBenchmark.Options(300, 0.02, 1, 1, 2),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(6, result.due());
        assertEquals(300, result.load().items());
        assertEquals(6, result.sweep().itemsRead(), "the sweep reads the due deadlines, nothing else");
        assertEquals(6, result.sweep().found().size());
        assertTrue(result.sameTickets(), "both ways find the same tickets");
        assertEquals(300, result.scan().itemsRead(), "the scan reads every item");
        assertEquals(1, result.sweep().sqsRequests(), "six messages fit one SendMessageBatch");
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sweep read 6 items for 6 due (ratio 1.00, target <= 1.10: met); scan read 300"),
                text);
    }

    @Test
    void theBenchPolicyGivesEveryTicketAFirstResponseDueTwoMinutesAfterCreation(@TempDir Path folder) {
        ClockKeeper keeper = new ClockKeeper(BenchPolicy.read(BenchPolicy.write(folder))::sla);
        Instant created = Instant.parse("2026-11-22T09:00:00.250Z");
        List<TicketEvent> trail = new ArrayList<>();
        Ticket ticket = step(keeper, Ticket.open(TicketId.next(Clock.fixed(created, ZoneOffset.UTC)),
                new TicketDraft(new TicketDraft.Asked("Checkout is down", "500 errors"),
                        new Requester("Bo", "bo@example.com", "acme", "pro"), Channel.WEB,
                        new TicketDraft.Levels(Level.HIGH, Level.HIGH),
                        new TicketDraft.Topic(null, List.of())), "salt", Actor.customer("bo@example.com"),
                created), trail);
        ticket = step(keeper, ticket.triage(new TriageDecision(Priority.URGENT, new TeamName("platform-engineering"),
                Tier.of(2),
                "incident", "routing rule 'outage' matched"), Actor.system("triage"), created.plusSeconds(1)), trail);
        Deadline breach = ticket.nextDeadline();
        assertEquals(new Deadline(SlaMetric.FIRST_RESPONSE, 1, 100, created.plus(BenchPolicy.TARGET)), breach,
                "no warnings, one breach two minutes after creation");

        Instant firedAt = breach.at().plusMillis(830);
        ticket = step(keeper, ticket.recordSlaDeadline(io.tierline.core.ticket.DeadlineKey.of(breach),
                ClockKeeper.describe(breach), true, breach.at(), Actor.system("sla"), firedAt), trail);
        List<Punctuality.Fired> fired = new Punctuality(keeper).firedIn(new TicketHistory(ticket, trail));
        assertEquals(List.of(new Punctuality.Fired(ticket.id().value(), "first-response/1/100", breach.at(), firedAt)),
                fired);
        assertEquals(Duration.ofMillis(830), fired.get(0).late());
    }

    /** Applies a change as the store would after ClockKeeper tracked it, keeping the trail. */
    private static Ticket step(ClockKeeper keeper, TicketChange change, List<TicketEvent> trail) {
        TicketChange tracked = keeper.track(change, trail);
        trail.addAll(tracked.events());
        return tracked.after();
    }

    @Test
    void theTemplateCopyPointsEveryFunctionAtTheBenchPolicyAndTheBuiltZips(@TempDir Path folder) throws Exception {
        Path policy = folder.resolve(BenchPolicy.FILE_NAME);
        SamTemplate copy = SamTemplate.load(BenchTemplate.write(ProjectRoot.templateFile(), policy, folder));
        SamTemplate original = SamTemplate.load(ProjectRoot.templateFile());

        assertEquals(original.functions().keySet(), copy.functions().keySet());
        for (FunctionDefinition function : copy.functions().values()) {
            assertEquals(policy.toAbsolutePath().toString(), function.environment().get(BenchTemplate.POLICY_VARIABLE),
                    function.logicalId());
            assertEquals(original.function(function.logicalId()).codeUri(), function.codeUri(), function.logicalId());
        }
        assertEquals(Files.readString(ProjectRoot.templateFile()).lines().count() + 1,
                Files.readString(folder.resolve("template.yaml")).lines().count(), "one line added, none removed");
    }

    @Test
    void percentilesAreMeasuredValues() {
        List<Duration> measured = List.of(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(900));
        assertEquals(Duration.ofMillis(100), Durations.percentile(measured, 0));
        assertEquals(Duration.ofMillis(200), Durations.median(measured));
        assertEquals(Duration.ofMillis(900), Durations.percentile(measured, 90));
        assertEquals(Duration.ofMillis(900), Durations.percentile(measured, 100));
    }
}
