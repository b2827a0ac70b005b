package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionProcessTest {

    @TempDir
    static Path folder;
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static FunctionProcess function;

    @BeforeAll
    static void start() throws Exception {
        Path zip = TestFunctionZip.write(folder.resolve("function.zip"));
        FunctionDefinition definition = new FunctionDefinition("EchoFunction", zip, TestFunctionZip.HANDLER, "java17",
                2, 256, Map.of(), List.of());
        function = FunctionProcess.start(definition, Map.of("GREETING_TABLE", "Greetings"), folder.resolve("work"),
                line -> {
                    System.out.println(line);
                    LOG.add(line);
                });
        function.ready().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static InvocationResult invoke(String json) throws Exception {
        return function.invoke(json.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void answersThroughTheRuntimeInterfaceClient() throws Exception {
        InvocationResult result = invoke("{\"hello\":\"world\"}");
        assertFalse(result.isError(), result::toString);
        var response = Json.read(result.payload());
        assertEquals("world", response.path("echo").path("hello").asText());
        assertEquals("EchoFunction", response.path("function").asText());
        assertTrue(response.path("remainingMillis").asLong() > 0);
        assertTrue(LOG.contains("[EchoFunction] EchoHandler initialised in EchoFunction"), LOG::toString);
    }

    @Test
    void startsTheJvmAsTheManagedRuntimeDoes() throws Exception {
        var response = Json.read(invoke("{\"jvm\":\"?\"}").payload());
        // the serial collector's two generations, as Lambda's Java runtime runs by default
        assertEquals("[\"Copy\",\"MarkSweepCompact\"]", response.path("collectors").toString());
        long heap = response.path("maxHeapBytes").asLong();
        assertTrue(heap > 150L << 20 && heap <= 217L << 20, "85% of 256 MB at most, was " + heap);
        // C1 only, as the runtime compiles for an on-demand start
        assertEquals("1", response.path("tieredStopAtLevel").asText());
        // sized for a machine of 256 MB, as Lambda's microVM is (1/64 of it, or the JVM's 8 MB floor), not for this
        // machine's RAM (hundreds of MB on a build machine)
        long initial = response.path("initialHeapBytes").asLong();
        assertTrue(initial <= 8L << 20, "first heap for a 256 MB machine, was " + initial);
    }

    @Test
    void managedRuntimeOptionsComeBeforeTheTemplatesAndYieldToItsCollector() {
        String onDemand = " -XX:+TieredCompilation -XX:TieredStopAtLevel=1";
        String opening = "--add-opens=java.base/java.lang=ALL-UNNAMED";
        assertEquals("-XX:MaxRAM=1024m -Xmx870m -XX:+UseSerialGC" + onDemand + " " + opening,
                FunctionProcess.javaToolOptions(1024, " " + opening + " "));
        assertEquals("-XX:MaxRAM=1024m -Xmx870m -XX:+UseSerialGC" + onDemand, FunctionProcess.javaToolOptions(1024, null));
        assertEquals("-XX:MaxRAM=2048m -Xmx1740m" + onDemand + " -XX:+UseG1GC -XX:TieredStopAtLevel=4",
                FunctionProcess.javaToolOptions(2048, "-XX:+UseG1GC -XX:TieredStopAtLevel=4"));
        assertEquals("-XX:MaxRAM=64m -Xmx64m -XX:+UseSerialGC" + onDemand, FunctionProcess.javaToolOptions(64, ""));
    }

    @Test
    void reportsFunctionErrors() throws Exception {
        InvocationResult result = invoke("{\"action\":\"throw\"}");
        assertEquals("java.lang.IllegalStateException", result.errorType(), result::toString);
        assertEquals("asked to fail", Json.read(result.payload()).path("errorMessage").asText());
    }

    @Test
    void timesOutAndRestarts() throws Exception {
        InvocationResult result = invoke("{\"action\":\"sleep\",\"millis\":10000}");
        assertEquals(InvocationResult.TIMED_OUT, result.errorType(), result::toString);
        assertFalse(invoke("{\"after\":\"timeout\"}").isError());
    }

    @Test
    void restartsACrashedProcess() throws Exception {
        InvocationResult crashed = invoke("{\"action\":\"exit\"}");
        assertEquals(InvocationResult.RUNTIME_EXITED, crashed.errorType(), crashed::toString);
        assertFalse(invoke("{\"after\":\"crash\"}").isError());
    }
}
