package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner's AOT cache over three starts of one function: the first records, the second creates the cache
 * and uses it, the third uses it as it is; every one answers. Needs a JDK 25 here (the template's java25).
 */
class AotCacheTest {

    @TempDir
    Path folder;

    @Test
    void firstStartRecordsNextStartCreatesAndUsesTheCache() throws Exception {
        assumeTrue(JavaRuntimes.system().choose("java25").version() >= AotCache.MIN_JDK, "no JDK 25 installed");
        Path zip = TestFunctionZip.write(folder.resolve("function.zip"));
        FunctionDefinition definition = new FunctionDefinition("EchoFunction", zip, TestFunctionZip.HANDLER, "java25",
                10, 256, Map.of(), List.of());
        Path work = folder.resolve("work");

        List<String> first = startAnswerStop(definition, work);
        assertTrue(first.stream().anyMatch(line -> line.contains("records what it loads")), first::toString);
        assertEquals(List.of("EchoFunction.aotconf", "task-root.jar"), cacheFiles(work));

        List<String> second = startAnswerStop(definition, work);
        assertTrue(second.stream().anyMatch(line -> line.contains("AOT cache created")), second::toString);
        assertEquals(List.of("EchoFunction.aot", "EchoFunction.aotconf", "task-root.jar"), cacheFiles(work));

        List<String> third = startAnswerStop(definition, work);
        assertFalse(third.stream().anyMatch(line -> line.contains("AOT cache")), third::toString);
        assertFalse(third.stream().anyMatch(line -> line.contains("records what it loads")), third::toString);
    }

    private static List<String> startAnswerStop(FunctionDefinition definition, Path work) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (FunctionProcess function = FunctionProcess.start(definition, Map.of("GREETING_TABLE", "Greetings"), work,
                log::add, true)) {
            InvocationResult result = function.invoke("{\"hello\":\"aot\"}".getBytes(StandardCharsets.UTF_8))
                    .get(60, TimeUnit.SECONDS);
            assertFalse(result.isError(), result::toString);
            assertEquals("aot", Json.read(result.payload()).path("echo").path("hello").asText());
        }
        return log;
    }

    private static List<String> cacheFiles(Path work) throws Exception {
        try (Stream<Path> folders = Files.list(work)) {
            Path cache = folders.filter(path -> path.getFileName().toString().endsWith(".aot")).findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(cache)) {
                return files.map(file -> file.getFileName().toString()).sorted().toList();
            }
        }
    }
}
