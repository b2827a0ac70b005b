package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cold-start benchmark's harness on its smallest run: the baseline function's zip started once as the local
 * runner starts it, one event, one warm request. Checks that every figure was measured and the phases split where
 * they should, never how fast anything was.
 */
class ColdStartBenchmarkSmokeTest {

    @Test
    void oneColdStartOfTheBaselineYieldsEveryFigure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ColdStartBenchmark.Options baselineOnly = new ColdStartBenchmark.Options(1, 1,
                ColdStartBenchmark.FunctionChoice.NONE);
        ColdStartBenchmark.Result result = ColdStartBenchmark.run(baselineOnly,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        ColdStartBenchmark.Measured baseline = result.baseline();
        assertEquals(ColdStartBenchmark.BASELINE, baseline.function().logicalId());
        assertEquals(1, baseline.runs().size());
        ColdStart start = baseline.runs().get(0);
        assertTrue(start.boot().compareTo(Duration.ZERO) > 0 && start.firstRequest().compareTo(Duration.ZERO) > 0,
                start.toString());
        assertEquals(1, start.warm().size(), "one warm request after the first");
        assertEquals(1.0, result.ratio(baseline), 1e-9);
        assertEquals(1.0, result.pairedRatio(baseline), 1e-9);
        assertTrue(baseline.zipBytes() > 0);
        assertTrue(baseline.profile().boot().getOrDefault("io.quarkus.runtime", 0) > 0,
                "Quarkus starts before the first poll: " + baseline.profile().topBoot(10));
        assertTrue(baseline.profile().firstRequest().getOrDefault("software.amazon.awssdk", 0) > 0,
                "the DynamoDB client first works in the first request: " + baseline.profile().topFirstRequest(10));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BaselineFunction run 1/1: first response after "), text);
        assertTrue(text.contains("cold start: baseline median "), text);
    }
}
