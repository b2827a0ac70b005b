package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start benchmark's harness on its smallest run: the baseline function's zip started once as the local
 * runner starts it, one event, one warm request. Checks that every figure was measured and the phases split where
 * they should, never how fast anything was.
 */
class ColdStartBenchmarkSmokeTest {

    @Test
    void oneColdStartOfTheBaselineYieldsEveryFigure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ColdStartBenchmark.Result result = ColdStartBenchmark.run(new ColdStartBenchmark.Options(1, 1, ColdStartBenchmark.FunctionChoice.NONE),
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
        assertTrue(baseline.profile().boot().getOrDefault("io.quarkus.quarkus-core", 0) > 0,
                "Quarkus starts before the first poll: " + baseline.profile().topBoot(10));
        assertTrue(baseline.profile().firstRequest().getOrDefault("software.amazon.awssdk.dynamodb", 0) > 0,
                "the DynamoDB client first works in the first request: " + baseline.profile().topFirstRequest(10));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BaselineFunction run 1/1: first response after "), text);
        assertTrue(text.contains("cold start: baseline median "), text);
    }

    @Test
    void classLoadsAreCountedPerJarOnEitherSideOfTheFirstPoll(@TempDir Path folder) throws Exception {
        Path log = Files.writeString(folder.resolve("classes.log"), String.join("\n",
                "[1000000ns] java.lang.Object source: shared objects file",
                "[2000000ns] io.quarkus.runtime.Application source: file:/tmp/t/lib/io.quarkus.quarkus-core-3.34.2.jar",
                "[3000000ns] io.quarkus.runner.ApplicationImpl source: file:/tmp/t/",
                "[5000000ns] software.amazon.awssdk.services.dynamodb.DynamoDbClient source: "
                        + "file:/tmp/t/lib/software.amazon.awssdk.dynamodb-2.41.18.jar",
                "[6000000ns] java.util.HexFormat source: jrt:/java.base",
                "[6500000ns] io.tierline.X$$Lambda/0x0000001 source: io.tierline.X",
                "[9000000ns] java.lang.Shutdown source: shared objects file", ""));

        ClassLoadProfile profile = ClassLoadProfile.read(log, Duration.ofMillis(4), Duration.ofMillis(7));

        assertEquals(Map.of("JDK", 1, "io.quarkus.quarkus-core", 1, "classes folder", 1), profile.boot());
        assertEquals(Map.of("software.amazon.awssdk.dynamodb", 1, "JDK", 1, "generated", 1), profile.firstRequest(),
                "after the first response nothing is counted");
        assertEquals(3, profile.bootClasses());
        assertEquals(3, profile.firstRequestClasses());
    }
}
