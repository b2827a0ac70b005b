package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2024-05-15T10:17:31Z"); // a Wednesday

    private static ZonedDateTime next(String expression, ZonedDateTime after) {
        return ScheduleExpression.parse(expression, NOW).nextAfter(after);
    }

    @Test
    void ratesCountFromTheMinuteTheScheduleStarted() {
        assertEquals(ZonedDateTime.parse("2024-05-15T10:22:00Z"), next("rate(5 minutes)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-15T10:27:00Z"), next("rate(5 minutes)", ZonedDateTime.parse("2024-05-15T10:22:00Z")));
        assertEquals(ZonedDateTime.parse("2024-05-15T11:17:00Z"), next("rate(1 hour)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-17T10:17:00Z"), next("rate(2 days)", NOW));
    }

    @Test
    void cronExpressionsFireAtTheirWallClockTimes() {
        assertEquals(ZonedDateTime.parse("2024-05-15T10:18:00Z"), next("cron(* * * * ? *)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-15T10:30:00Z"), next("cron(0/15 * * * ? *)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-16T02:00:00Z"), next("cron(0 2 * * ? *)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-17T09:00:00Z"), next("cron(0 9 ? * FRI *)", NOW));
        assertEquals(ZonedDateTime.parse("2024-05-20T08:30:00Z"), next("cron(30 8 ? * MON-FRI *)", ZonedDateTime.parse("2024-05-17T09:00:00Z")));
        assertEquals(ZonedDateTime.parse("2024-05-31T23:00:00Z"), next("cron(0 23 L * ? *)", NOW));
        assertEquals(ZonedDateTime.parse("2024-06-03T12:00:00Z"), next("cron(0 12 ? * 2#1 *)", NOW)); // first Monday
        assertEquals(ZonedDateTime.parse("2025-01-01T00:00:00Z"), next("cron(0 0 1 JAN ? 2025)", NOW));
        assertNull(next("cron(0 0 1 JAN ? 2020)", NOW));
        assertThrows(IllegalArgumentException.class, () -> next("cron(0 0 1W * ? *)", NOW));
        assertThrows(IllegalArgumentException.class, () -> next("every day", NOW));
    }

    private static ScheduleSource source(FunctionEvent.Schedule.Kind kind, String input) {
        FunctionEvent.Schedule event = new FunctionEvent.Schedule("Nightly", kind, "cron(0 2 * * ? *)", input, "UTC", true);
        return ScheduleSource.create(event, "TriageFunction", payload -> new CompletableFuture<>(), input,
                Clock.fixed(Instant.parse("2024-05-15T10:17:31Z"), ZoneOffset.UTC), line -> { });
    }

    @Test
    void aRuleSendsTheScheduledEvent() {
        JsonNode event = Json.read(source(FunctionEvent.Schedule.Kind.EVENTBRIDGE_RULE, null)
                .payload(ZonedDateTime.parse("2024-05-16T02:00:00Z")));
        assertEquals("Scheduled Event", event.path("detail-type").asText());
        assertEquals("aws.events", event.path("source").asText());
        assertEquals("2024-05-16T02:00:00Z", event.path("time").asText());
        assertEquals("000000000000", event.path("account").asText());
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/TriageFunction-Nightly", event.path("resources").get(0).asText());
        assertEquals("{}", event.path("detail").toString());
        assertEquals(36, event.path("id").asText().length());
        assertEquals("{\"job\":1}", source(FunctionEvent.Schedule.Kind.EVENTBRIDGE_RULE, "{\"job\":1}")
                .payload(ZonedDateTime.parse("2024-05-16T02:00:00Z")));
    }

    @Test
    void theSchedulerSendsItsInputWithPlaceholdersFilledIn() {
        JsonNode input = Json.read(source(FunctionEvent.Schedule.Kind.EVENTBRIDGE_SCHEDULER,
                "{\"at\":\"<aws.scheduler.scheduled-time>\",\"run\":\"<aws.scheduler.execution-id>\"}")
                .payload(ZonedDateTime.parse("2024-05-16T02:00:00Z")));
        assertEquals("2024-05-16T02:00:00Z", input.path("at").asText());
        assertEquals(36, input.path("run").asText().length());
    }
}
