package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.local.FunctionDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two ratios the cold-start table prints, on runs where one round fell on a slow stretch of the machine. */
class ColdStartRatioTest {

    @Test
    void pairedRatioComparesEachRoundWithItsOwnBaseline() {
        // round 3 is slow for both: the medians mix rounds, the pairs do not
        ColdStartBenchmark.Measured baseline = measured("BaselineFunction", 1.0, 1.0, 2.0, 1.0, 1.0);
        ColdStartBenchmark.Measured api = measured("ApiFunction", 1.5, 1.5, 3.0, 1.6, 1.4);
        ColdStartBenchmark.Result result = new ColdStartBenchmark.Result(baseline, List.of(api));

        assertEquals(1.5, result.ratio(api), 1e-9, "median 1.5 s over median 1.0 s");
        assertEquals(1.5, result.pairedRatio(api), 1e-9, "rounds 1.5, 1.5, 1.5, 1.6, 1.4");

        ColdStartBenchmark.Measured drifting = measured("IntakeFunction", 1.2, 1.2, 2.4, 2.4, 2.4);
        ColdStartBenchmark.Measured slowBaseline = measured("BaselineFunction", 1.0, 1.0, 2.0, 2.0, 2.0);
        ColdStartBenchmark.Result drift = new ColdStartBenchmark.Result(slowBaseline, List.of(drifting));
        assertEquals(1.2, drift.ratio(drifting), 1e-9);
        assertEquals(1.2, drift.pairedRatio(drifting), 1e-9);
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMiddlePair() {
        ColdStartBenchmark.Measured baseline = measured("BaselineFunction", 1.0, 1.0, 1.0, 1.0);
        ColdStartBenchmark.Measured api = measured("ApiFunction", 1.2, 1.4, 1.6, 3.0);
        assertEquals(1.5, new ColdStartBenchmark.Result(baseline, List.of(api)).pairedRatio(api), 1e-9);
    }

    private static ColdStartBenchmark.Measured measured(String id, double... totalSeconds) {
        List<ColdStart> runs = Arrays.stream(totalSeconds)
                .mapToObj(s -> new ColdStart(Duration.ofMillis(Math.round(s * 500)),
                        Duration.ofMillis(Math.round(s * 500)), List.of()))
                .toList();
        FunctionDefinition function = new FunctionDefinition(id, Path.of(id + ".zip"), "handler", "java25", 30, 512,
                Map.of(), List.of());
        return new ColdStartBenchmark.Measured(function, 1L, runs, new ClassLoadProfile(Map.of(), Map.of()));
    }
}
