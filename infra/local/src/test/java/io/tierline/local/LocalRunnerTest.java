package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunnerTest {

    @Test
    void defaultsToTheWellKnownPorts() {
        LocalOptions options = LocalRunner.Arguments.parse(new String[0]).options();
        assertEquals(Path.of("template.yaml"), options.template());
        assertEquals(3000, options.httpPort());
        assertEquals(3001, options.lambdaPort());
        assertEquals(8000, options.dynamoDbPort());
        assertEquals(9324, options.sqsPort());
        assertNull(options.dataDir());
    }

    @Test
    void readsEveryFlag() {
        LocalRunner.Arguments arguments = LocalRunner.Arguments.parse(new String[] {"--template", "x/t.yaml",
                "--http-port", "0", "--lambda-port=4001", "--dynamodb-port", "0", "--sqs-port", "9999",
                "--data-dir", ".local-data", "--help"});
        LocalOptions options = arguments.options();
        assertEquals(Path.of("x/t.yaml"), options.template());
        assertEquals(0, options.httpPort());
        assertEquals(4001, options.lambdaPort());
        assertEquals(0, options.dynamoDbPort());
        assertEquals(9999, options.sqsPort());
        assertEquals(Path.of(".local-data"), options.dataDir());
        assertTrue(arguments.help());
    }

    @Test
    void rejectsUnknownFlagsAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> LocalRunner.Arguments.parse(new String[] {"--verbose", "x"}));
        assertThrows(IllegalArgumentException.class, () -> LocalRunner.Arguments.parse(new String[] {"--http-port", "70000"}));
        assertThrows(IllegalArgumentException.class, () -> LocalRunner.Arguments.parse(new String[] {"--http-port"}));
    }

    @Test
    void functionsThatFailedToStartAreReportedOnceForEachReason() {
        String policy = "The policy document bad.json is invalid (2 problems):\n"
                + "  rules[broken].when.regex: is not a valid regular expression: Unclosed group\n"
                + "  rules[toohigh].then.tier: must be a tier from 0 to 3";
        Map<String, String> failed = new LinkedHashMap<>();
        failed.put("ApiFunction", "ApiFunction" + FunctionProcess.INIT_FAILED + policy);
        failed.put("TriageFunction", "TriageFunction" + FunctionProcess.INIT_FAILED + policy);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LocalRunner.printStartFailures(failed, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("Tierline local did not start: 2 function(s) failed to initialise.\n"
                + "ApiFunction, TriageFunction:\n  " + policy + "\n", err.toString(StandardCharsets.UTF_8));
    }
}
