package io.tierline.e2e;

import static io.tierline.e2e.FirstJourneyTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.local.LocalOptions;
import io.tierline.local.LocalSystem;
import io.tierline.local.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's bad policy document, on the packaged functions: every function fails its start (Lambda's init),
 * naming every problem by path, instead of starting and answering each request with a 500.
 */
class BadPolicyStartTest {

    @Test
    void everyFunctionFailsItsStartWithEveryProblemOfTheDocument(@TempDir Path folder) throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(ProjectRoot.find().resolve(
                "functions/core/src/main/resources/io/tierline/policy/default-policy.json").toFile());
        ArrayNode rules = (ArrayNode) policy.get("rules");
        rules.add(JSON.readTree("{\"name\":\"broken\",\"when\":{\"regex\":\"err(or\"},\"then\":{\"team\":\"ops\"}}"));
        rules.add(JSON.readTree("{\"name\":\"toohigh\",\"when\":{\"keywords\":[\"x\"]},\"then\":{\"tier\":7}}"));
        Path file = Files.writeString(folder.resolve("bad.json"), JSON.writeValueAsString(policy));

        Queue<String> log = new ConcurrentLinkedQueue<>();
        try (LocalSystem system = LocalSystem.start(LocalOptions.ephemeral(ProjectRoot.templateFile())
                .withPolicyFile(file).withSchedules(false).withFunctionLog(line -> {
                    log.add(line);
                    System.out.println(line);
                }))) {
            LocalSystem.Readiness readiness = system.awaitFunctions(Duration.ofSeconds(90));

            assertEquals(system.functions().keySet(), readiness.failed().keySet(), "no function started");
            readiness.failed().forEach((id, why) -> {
                assertTrue(why.contains("The policy document " + file + " is invalid (2 problems)"), why);
                assertTrue(why.contains("rules[broken].when.regex: is not a valid regular expression"), why);
                assertTrue(why.contains("rules[toohigh].then.tier: must be a tier from 0 to 3"), why);
            });
        }
        // On Java 24+ JBoss Threads needs java.lang opened (template.yaml's JAVA_TOOL_OPTIONS); without it the
        // executor's threads die with an IllegalAccessError as the failed start shuts down, hiding the real cause.
        assertEquals(List.of(), log.stream().filter(line -> line.contains("IllegalAccessError")).toList(),
                "no function thread may die on a module access check");
    }
}
