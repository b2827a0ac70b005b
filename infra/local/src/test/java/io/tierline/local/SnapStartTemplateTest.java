package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: every function runs with SnapStart on AWS. SnapStart applies to published versions only, so every
 * function publishes one under an alias, and every event source must invoke the alias: one left on the bare function
 * ($LATEST) would get cold starts without the snapshot.
 */
class SnapStartTemplateTest {

    @SuppressWarnings("unchecked")
    @Test
    void everyFunctionPublishesASnapStartVersionUnderAnAlias() throws Exception {
        Map<String, Object> root = CfnYaml.parse(Files.readString(ProjectRoot.templateFile()));
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
        assertEquals("live", globals.get("AutoPublishAlias"));
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        SamTemplate template = SamTemplate.load(ProjectRoot.templateFile());
        assertFalse(template.functions().isEmpty());
        for (String function : template.functions().keySet()) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resources.get(function))
                    .get("Properties");
            assertFalse(properties.containsKey("SnapStart"), function + " overrides the Globals' SnapStart");
            assertFalse(properties.containsKey("AutoPublishAlias"), function + " overrides the Globals' alias");
            assertFalse(properties.containsKey("ProvisionedConcurrencyConfig"), function
                    + ": SnapStart cannot be combined with provisioned concurrency");
        }
    }

    private static final Pattern TARGET = Pattern.compile("^(\\S+) (.*)$");

    /** The template as SAM deploys it (cfn-lint's SAM transform): every SQS mapping, schedule, route permission and
     * HTTP API integration names the function's alias. */
    @Test
    void everyEventSourceInvokesTheAlias() throws Exception {
        Assumptions.assumeTrue(CommandLine.onPath("cfn-lint") && CommandLine.onPath("python3"),
                "cfn-lint (and its SAM translator) is not installed: the transformed template was not checked");
        Path script = Path.of(SnapStartTemplateTest.class.getResource("/sam-aliases.py").toURI());
        CommandLine.Result result = CommandLine.run(Duration.ofSeconds(120), Map.of(), "python3", script.toString(),
                ProjectRoot.templateFile().toString());
        assertEquals(0, result.exitCode(), result.output());
        List<String> lines = result.output().lines().filter(line -> !line.isBlank()).toList();
        SamTemplate template = SamTemplate.load(ProjectRoot.templateFile());
        int sources = template.functions().values().stream().mapToInt(f -> f.events().size()).sum();
        assertTrue(lines.size() >= sources, "one line per event source at least:\n" + result.output());
        for (String line : lines) {
            Matcher m = TARGET.matcher(line);
            assertTrue(m.matches(), line);
            String target = m.group(2);
            assertTrue(template.functions().keySet().stream().anyMatch(f -> target.contains("\"" + f + "Aliaslive")),
                    m.group(1) + " invokes " + target + ", not a function's alias");
        }
    }
}
