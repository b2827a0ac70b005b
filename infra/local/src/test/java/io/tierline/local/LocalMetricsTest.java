package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner reads the functions' EMF lines as CloudWatch would and lists them; other lines pass untouched. */
class LocalMetricsTest {
    static final String LATENESS = "{\"_aws\":{\"Timestamp\":1794589200000,\"CloudWatchMetrics\":[{\"Namespace\":"
            + "\"Tierline\",\"Dimensions\":[[\"Step\"],[]],\"Metrics\":[{\"Name\":\"DeadlineLateness\","
            + "\"Unit\":\"Milliseconds\"}]}]},\"Step\":\"sla-breach\",\"DeadlineLateness\":1500.0,"
            + "\"function\":\"EscalateFunction\",\"ticketId\":\"01HZZZZZZZZZZZZZZZZZZZZZZZ\"}";

    @Test
    void emfLinesAreRecordedAndShownReadablyOtherLinesPassThrough() {
        LocalMetrics metrics = new LocalMetrics();
        List<String> console = new ArrayList<>();
        var log = metrics.tap(console::add);

        log.accept("[EscalateFunction] 07:00:00.000 INFO  [i.t.w.EscalateFunction] ticket fired");
        log.accept("[EscalateFunction] " + LATENESS);
        log.accept("[EscalateFunction] " + LATENESS.replace("1500.0", "500.0"));

        assertEquals(List.of(new LocalMetrics.Emitted("EscalateFunction", "DeadlineLateness", 1500, "Milliseconds",
                Map.of("Step", "sla-breach"), "01HZZZZZZZZZZZZZZZZZZZZZZZ"), new LocalMetrics.Emitted(
                "EscalateFunction", "DeadlineLateness", 500, "Milliseconds", Map.of("Step", "sla-breach"),
                "01HZZZZZZZZZZZZZZZZZZZZZZZ")), metrics.emitted());
        assertEquals("[EscalateFunction] 07:00:00.000 INFO  [i.t.w.EscalateFunction] ticket fired", console.get(0));
        assertTrue(console.get(1).startsWith("[EscalateFunction] metric DeadlineLateness"), console.get(1));
        assertFalse(console.get(1).contains("_aws"));
        assertTrue(metrics.listing().contains("DeadlineLateness {Step=sla-breach} Milliseconds: 2, 2000, 1500\n"),
                metrics.listing());
    }

    @Test
    void jsonLogsAreSwitchedOnByTheRunnersEnvironment() {
        assertTrue(LocalSystem.jsonLogs(Map.of("TIERLINE_LOCAL_LOG_FORMAT", "json")));
        assertFalse(LocalSystem.jsonLogs(Map.of()));
    }

    @Test
    void theTemplatesJsonSwitchIsReplacedLocallyReadableByDefault() {
        FunctionDefinition triage = SamTemplate.load(ProjectFiles.templateFile()).function("TriageFunction");
        assertEquals("true", triage.environment().get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"), "in Lambda: JSON lines");
        assertEquals(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"), LocalSystem.localLogEnvironment(Map.of()));
        assertEquals(Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"),
                LocalSystem.localLogEnvironment(Map.of("TIERLINE_LOCAL_LOG_FORMAT", "json")));
    }
}
