package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The local system end to end, without Quarkus: a tiny function zipped at test time, real emulators and processes. */
class WholeStackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;
    private static LocalSystem system;

    @BeforeAll
    static void start() throws Exception {
        TestFunctionZip.write(folder.resolve("function.zip"));
        Path template = folder.resolve("template.yaml");
        try (InputStream resource = WholeStackTest.class.getResourceAsStream("/whole-stack-template.yaml")) {
            Files.copy(resource, template);
        }
        system = LocalSystem.start(LocalOptions.ephemeral(template)
                .withCodeWorkFolder(folder.resolve("work"))
                .withSchedules(false)
                .withFunctionLog(line -> {
                    System.out.println(line);
                    LOG.add(line);
                }));
        system.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void httpRequestsRoundTripThroughTheFunction() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(system.httpApiUrl().resolve("/echo/w%C3%B6rld?x=1&x=2&y"))
                .header("Cookie", "a=1; b=2")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"hi\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("ANY /echo/{name}", response.headers().firstValue("x-route").orElse(null));
        assertEquals(List.of("session=abc; Path=/", "theme=dark"), response.headers().allValues("set-cookie"));
        JsonNode echo = Json.read(response.body());
        assertEquals("Greetings", echo.path("table").asText());
        JsonNode event = echo.path("event");
        assertEquals("2.0", event.path("version").asText());
        assertEquals("/echo/w%C3%B6rld", event.path("rawPath").asText());
        assertEquals("x=1&x=2&y", event.path("rawQueryString").asText());
        assertEquals("wörld", event.path("pathParameters").path("name").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("x").asText());
        assertEquals("[\"a=1\",\"b=2\"]", event.path("cookies").toString());
        assertFalse(event.path("headers").has("cookie"));
        assertEquals("{\"note\":\"hi\"}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        assertEquals("POST", event.path("requestContext").path("http").path("method").asText());
    }

    @Test
    void httpApiAnswersLikeApiGatewayOutsideTheRoutes() throws Exception {
        HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(system.httpApiUrl().resolve("/nothing/here")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, notFound.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", notFound.body());

        // Only the head of the request, declaring a length over the limit: the gateway refuses it before reading a
        // body. A client sending the 10 MB body itself may still be writing when the gateway answers and closes,
        // and then sees a reset instead of the 413 (a CI run failed that way; JDK 17's HttpClient hangs on
        // Expect: 100-continue answered with a final status, so the request goes over a plain socket).
        RawHttp.RawResponse refused = RawHttp.exchange(system.httpApiUrl(), "POST /echo/big HTTP/1.1\r\nHost: "
                + system.httpApiUrl().getAuthority() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + (HttpApiGateway.MAX_BODY_BYTES + 1) + "\r\n\r\n");
        assertEquals("HTTP/1.1 413 Payload Too Large", refused.statusLine());
    }

    @Test
    void sqsMessagesArriveInBatchesAndFailedOnesEndInTheDeadLetterQueue() throws Exception {
        var sqs = system.aws().sqs();
        String queue = system.queueUrl("WorkQueue");
        sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody("ok-1").build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("ok-2").build(),
                SendMessageBatchRequestEntry.builder().id("3").messageBody("fail-3").build()));

        List<Message> dead = waitFor(() -> {
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(system.queueUrl("WorkDeadLetterQueue"))
                    .waitTimeSeconds(1)).messages();
            return received.isEmpty() ? null : received;
        });
        assertEquals(List.of("fail-3"), dead.stream().map(Message::body).toList());
        List<String> batches = LOG.stream().filter(line -> line.contains("sqs batch size=")).toList();
        assertTrue(batches.stream().anyMatch(line -> line.contains("size=3")), batches::toString);
        assertEquals(1, batches.stream().filter(line -> line.contains("ok-1")).count(), batches::toString);
        assertEquals(2, batches.stream().filter(line -> line.contains("fail-3")).count(), "maxReceiveCount is 2");
        Map<QueueAttributeName, String> left = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void invokeApiAnswersLikeLambda() throws Exception {
        HttpResponse<String> ok = invoke("EchoFunction", "RequestResponse", "{\"hello\":\"lambda\"}");
        assertEquals(200, ok.statusCode());
        assertEquals("$LATEST", ok.headers().firstValue("X-Amz-Executed-Version").orElse(null));
        assertEquals("lambda", Json.read(ok.body()).path("echo").path("hello").asText());

        String arn = LocalAccount.arn("lambda", "function:EchoFunction");
        HttpResponse<String> failed = invoke(arn, "RequestResponse", "{\"action\":\"throw\"}");
        assertEquals(200, failed.statusCode());
        assertEquals("Unhandled", failed.headers().firstValue("X-Amz-Function-Error").orElse(null));
        assertEquals("asked to fail", Json.read(failed.body()).path("errorMessage").asText());

        assertEquals(202, invoke("EchoFunction", "Event", "{}").statusCode());
        assertEquals(204, invoke("EchoFunction", "DryRun", "{}").statusCode());

        HttpResponse<String> unknown = invoke("NoSuchFunction", "RequestResponse", "{}");
        assertEquals(404, unknown.statusCode());
        assertEquals("ResourceNotFoundException", unknown.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals("User", Json.read(unknown.body()).path("Type").asText());
    }

    /** Every aws CLI installed (v1 from Python, v2 from Debian), each with its own payload syntax. */
    @Test
    void awsCliInvokesThroughTheInvokeApi() throws Exception {
        List<Path> clis = CommandLine.allOnPath("aws", Path.of("/usr/bin/aws"));
        Assumptions.assumeFalse(clis.isEmpty(), "no aws CLI installed");
        for (Path cli : clis) {
            boolean version2 = CommandLine.run(Duration.ofSeconds(30), Map.of(), cli.toString(), "--version")
                    .output().startsWith("aws-cli/2");
            Path out = folder.resolve("cli-out.json");
            List<String> command = new java.util.ArrayList<>(List.of(cli.toString(), "lambda", "invoke",
                    "--endpoint-url", system.lambdaUrl().toString(), "--function-name", "EchoFunction",
                    "--payload", "{\"from\":\"cli\"}"));
            if (version2) {
                command.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
            }
            command.add(out.toString());
            CommandLine.Result result = CommandLine.run(Duration.ofSeconds(60), Map.of(
                    "AWS_ACCESS_KEY_ID", LocalAccount.ACCESS_KEY_ID,
                    "AWS_SECRET_ACCESS_KEY", LocalAccount.SECRET_ACCESS_KEY,
                    "AWS_DEFAULT_REGION", LocalAccount.REGION,
                    "AWS_PAGER", ""), command.toArray(String[]::new));
            assertEquals(0, result.exitCode(), cli + ": " + result.output());
            assertTrue(result.output().contains("\"StatusCode\": 200"), result.output());
            assertEquals("cli", Json.read(Files.readString(out)).path("echo").path("from").asText(), cli.toString());
        }
    }

    @Test
    void schedulesSendTheScheduledEvent() throws Exception {
        assertNotNull(system.schedules().get("EchoFunction.Tick"));
        InvocationResult result = system.fireSchedule("EchoFunction", "Tick").get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertFalse(result.isError(), result::toString);
        assertTrue(waitFor(() -> LOG.stream().anyMatch(line -> line.startsWith("[EchoFunction] scheduled event for 20")) ? true : null));
    }

    @Test
    void functionLogLinesCarryThePrefix() {
        assertTrue(LOG.contains("[EchoFunction] EchoHandler initialised in EchoFunction"), LOG::toString);
    }

    private static HttpResponse<String> invoke(String function, String invocationType, String payload)
            throws IOException, InterruptedException {
        URI uri = system.lambdaUrl().resolve("/2015-03-31/functions/"
                + java.net.URLEncoder.encode(function, StandardCharsets.UTF_8) + "/invocations");
        return HTTP.send(HttpRequest.newBuilder(uri).header("X-Amz-Invocation-Type", invocationType)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition yields a value, failing after {@link #PATIENCE}. */
    private static <T> T waitFor(java.util.function.Supplier<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Condition not met within " + PATIENCE);
    }
}
