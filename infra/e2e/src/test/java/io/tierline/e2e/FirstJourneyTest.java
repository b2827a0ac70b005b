package io.tierline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierline.local.LocalOptions;
import io.tierline.local.LocalSystem;
import io.tierline.local.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A ticket's first journey through the packaged function zips, run by the local runner exactly as a user starts it:
 * API Gateway routes, SQS event source mappings, the Lambda Invoke API, DynamoDB Local and ElasticMQ.
 */
class FirstJourneyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TRIAGE_WITHIN = Duration.ofSeconds(20);
    /** An SQS event as Lambda delivers it, asking triage for a ticket that does not exist (dropped, not failed). */
    static final String TRIAGE_EVENT_FOR_A_MISSING_TICKET = "{\"Records\":[{\"messageId\":\"m-1\","
            + "\"receiptHandle\":\"r\",\"body\":\"{\\\"type\\\":\\\"TicketCreated\\\",\\\"ticketId\\\":"
            + "\\\"01HZZZZZZZZZZZZZZZZZZZZZZZ\\\",\\\"occurredAt\\\":\\\"2026-01-01T00:00:00Z\\\"}\","
            + "\"attributes\":{},\"messageAttributes\":{},\"eventSource\":\"aws:sqs\","
            + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:TriageQueue\",\"awsRegion\":\"us-east-1\"}]}";
    static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
    static LocalSystem system;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        start(options -> options);
    }

    /** The local system on free ports, with the options {@code adjust} gives (another policy document). */
    static void start(java.util.function.UnaryOperator<LocalOptions> adjust) throws Exception {
        Path root = ProjectRoot.find();
        for (String zip : List.of("functions/api/target/function.zip", "functions/workers/target/function.zip")) {
            assertTrue(Files.isRegularFile(root.resolve(zip)), zip + " is missing: run ./mvnw verify from the root");
        }
        long started = System.nanoTime();
        system = LocalSystem.start(adjust.apply(LocalOptions.ephemeral(ProjectRoot.templateFile()).withFunctionLog(
                line -> {
                    LOG.add(line);
                    System.out.println(line);
                })));
        system.awaitReady(Duration.ofSeconds(90));
        System.out.printf("local system ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.httpApiUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A demo user's access token, fetched from the local sign-in endpoint exactly as the README shows. */
    static String token(String user) throws Exception {
        String issuer = system.aws().identity().issuer("AgentUserPool");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static HttpResponse<String> sendAs(String user, String method, String path, String body,
                                       Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.httpApiUrl().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ticket(String id) throws Exception {
        HttpResponse<String> response = sendAs("ada", "GET", "/tickets/" + id, null, Map.of());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode awaitTriaged(String id) throws Exception {
        long deadline = System.nanoTime() + TRIAGE_WITHIN.toNanos();
        JsonNode t = ticket(id);
        while (!"open".equals(t.get("status").asText()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100); // polling a condition, not waiting for time to pass
            t = ticket(id);
        }
        assertEquals("open", t.get("status").asText(), "triaged within " + TRIAGE_WITHIN + ": " + t);
        return t;
    }

    static <T> T await(Supplier<Optional<T>> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TRIAGE_WITHIN.toNanos();
        Optional<T> value = condition.get();
        while (value.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            value = condition.get();
        }
        return value.orElseThrow(() -> new AssertionError("timed out waiting for " + what));
    }

    /** Tickets in a customer's history (access pattern 4): {@code email:<address>} or {@code id:<customerId>}. */
    static List<String> ticketIdsOf(String historyKey) {
        return system.aws().dynamoDb().query(b -> b.tableName(system.tableName("TicketsTable"))
                        .indexName("CustomerIndex").keyConditionExpression("customerPk = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CUSTOMER#" + historyKey))))
                .items().stream().map(i -> i.get("ticketId").s()).toList();
    }

    /** True once SQS holds nothing for the queue, neither waiting nor in flight: every message was handled. */
    static Optional<Boolean> drained(String queueLogicalId) {
        Map<QueueAttributeName, String> a = system.aws().sqs().getQueueAttributes(b -> b
                .queueUrl(system.queueUrl(queueLogicalId)).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        boolean empty = "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        return empty ? Optional.of(true) : Optional.empty();
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Test
    void aFormPostIsConfirmedWithItsReferenceAndTriagedWithinSeconds() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/tickets\""));

        HttpResponse<String> posted = send("POST", "/tickets", "application/x-www-form-urlencoded", form(Map.of(
                "requester.name", "Gus", "requester.email", "gus@example.com", "subject", "Refund for last invoice",
                "description", "I was charged twice in March.", "urgency", "high")));
        assertEquals(303, posted.statusCode(), posted.body());
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        String id = location.getPath().replaceAll("/status/([0-9A-Z]{26})$", "$1");
        HttpResponse<String> confirmation = send("GET", location.getRawPath() + "?" + location.getRawQuery(), null,
                null);
        assertEquals(200, confirmation.statusCode());
        assertTrue(confirmation.body().contains(id));

        JsonNode triaged = awaitTriaged(id);
        assertEquals("web", triaged.get("channel").asText());
        assertEquals("billing", triaged.get("team").asText());
        assertEquals("normal", triaged.get("priority").asText(), "impact low x urgency high");
        assertEquals(1, triaged.get("tier").asInt());
        String reason = triaged.at("/events/1/reason").asText();
        assertTrue(reason.endsWith("rule 'billing'"), "the trail names the rule: " + reason);
    }

    @Test
    void aJsonPostIsCreatedAndTriaged() throws Exception {
        HttpResponse<String> created = send("POST", "/tickets", "application/json", """
                {"subject":"Production is down","description":"All requests fail with a 500 error.",
                 "impact":"high","urgency":"high",
                 "requester":{"name":"Hal","email":"hal@example.com","customerId":"acme","plan":"pro"}}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        assertEquals("/tickets/" + id, created.headers().firstValue("Location").map(URI::create).orElseThrow().getPath());
        JsonNode triaged = awaitTriaged(id);
        assertEquals("urgent", triaged.get("priority").asText());
        assertEquals("platform-engineering", triaged.get("team").asText());
        assertEquals(2, triaged.get("tier").asInt());
        List<String> types = new java.util.ArrayList<>();
        triaged.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("created", "triaged", "status-changed"), types);
        String reason = triaged.at("/events/1/reason").asText();
        assertTrue(reason.endsWith("rule 'outage'"), "the trail names the expert-team rule: " + reason);
        // what an operator sees locally (docs/operations.md): the metrics listing and both functions' lines name it
        String listing = await(() -> Optional.of(metricsListing()).filter(l -> l.lines().anyMatch(m ->
                m.contains("TriageDecisions") && m.contains("ticket " + id))), "the triage decision metric");
        assertTrue(listing.lines().anyMatch(m -> m.contains("TicketsCreated") && m.contains("ticket " + id)), listing);
        for (String function : List.of("[ApiFunction] ", "[TriageFunction] ")) {
            assertTrue(LOG.stream().anyMatch(l -> l.startsWith(function) && l.contains(id)), function + "names " + id);
        }
    }

    static String metricsListing() {
        try {
            HttpResponse<String> response = send("GET", "/_local/metrics", null, null);
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFrenchTicketIsTaggedFrench() throws Exception {
        HttpResponse<String> created = send("POST", "/tickets", "application/json", """
                {"subject":"Impossible de me connecter","description":"Bonjour, depuis ce matin je ne peux plus \
                accéder à mon compte. Merci de votre aide.","requester":{"name":"Luc","email":"luc@example.com"}}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode triaged = awaitTriaged(JSON.readTree(created.body()).get("id").asText());
        assertEquals("fr", triaged.get("language").asText(), triaged.toString());
        assertTrue(triaged.get("tags").toString().contains("lang-fr"), triaged.toString());
    }

    @Test
    void badRequestsAreRefusedWithAClearErrorAndStoreNothing() throws Exception {
        HttpResponse<String> malformed = send("POST", "/tickets", "application/json",
                "{\"subject\":\"x\",\"requester\":{\"email\":\"ivy@example.com\"");
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(JSON.readTree(malformed.body()).at("/errors/0/problem").asText().startsWith("malformed JSON"));

        HttpResponse<String> missing = send("POST", "/tickets", "application/json",
                "{\"subject\":\"x\",\"description\":\"y\",\"requester\":{\"name\":\"Ivy\"}}");
        assertEquals(400, missing.statusCode());
        assertEquals("requester.email", JSON.readTree(missing.body()).at("/errors/0/field").asText());

        String big = "{\"subject\":\"x\",\"description\":\"" + "y".repeat(100_000)
                + "\",\"requester\":{\"name\":\"Ivy\",\"email\":\"ivy@example.com\"}}";
        assertEquals(413, send("POST", "/tickets", "application/json", big).statusCode());
        assertEquals(List.of(), ticketIdsOf("email:ivy@example.com"), "nothing stored for refused requests");
    }

    /** Raw bytes on the wire: Java's HttpClient itself refuses a control character in a header. */
    @Test
    void aControlCharacterInAHeaderIsA400WithItsReasonAndStoresNothing() throws Exception {
        URI api = system.httpApiUrl();
        byte[] body = ("{\"subject\":\"x\",\"description\":\"y\","
                + "\"requester\":{\"name\":\"Uma\",\"email\":\"uma@example.com\"}}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /tickets HTTP/1.1\r\nHost: " + api.getHost() + ":" + api.getPort()
                + "\r\nUser-Agent: fuzz\u0001er\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        // The local front, like any HTTP/1.1 server, refuses a control character in a header value while parsing
        // (RFC 9110 5.5) and says why; in AWS, where API Gateway may pass it on, the function's HeaderGuard answers
        // the 400 naming the header (HostileInputTest). Either way: a 400 in JSON, never a 500, nothing stored.
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), answer);
        assertTrue(answer.contains("Illegal character"), answer);
        assertEquals(List.of(), ticketIdsOf("email:uma@example.com"), "nothing stored");
    }

    @Test
    void anIntakeMessageCreatesATicketAndTheSameMessageTwiceCreatesOne() throws Exception {
        String body = """
                {"subject":"Password reset does not arrive","description":"Synced from the CRM",
                 "channel":"email","requester":{"name":"Jo","email":"jo@example.com","customerId":"crm-9"}}""";
        for (int i = 0; i < 2; i++) {
            system.aws().sqs().sendMessage(b -> b.queueUrl(system.queueUrl("IntakeQueue")).messageBody(body)
                    .messageAttributes(Map.of("source", MessageAttributeValue.builder().dataType("String")
                            .stringValue("crm").build())));
        }
        await(() -> drained("IntakeQueue"), "the intake queue to be handled");
        String id = await(() -> ticketIdsOf("id:crm-9").stream().findFirst(), "the intake ticket");
        JsonNode triaged = awaitTriaged(id);
        assertEquals(List.of(id), ticketIdsOf("id:crm-9"), "one ticket for the same message sent twice");
        assertEquals("identity", triaged.get("team").asText());
        assertEquals("service:crm", triaged.at("/events/0/actor").asText());
    }

    @Test
    void anInvalidIntakeMessageReachesTheDeadLetterQueueWithItsReason() throws Exception {
        system.aws().sqs().sendMessage(b -> b.queueUrl(system.queueUrl("IntakeQueue"))
                .messageBody("{\"subject\":\"no requester\",\"description\":\"d\"}"));
        Message dead = await(() -> system.aws().sqs().receiveMessage(b -> b
                        .queueUrl(system.queueUrl("IntakeDeadLetterQueue")).messageAttributeNames("All")
                        .waitTimeSeconds(1)).messages().stream().findFirst(), "the dead-letter message");
        assertEquals("requester: is required", dead.messageAttributes().get("tierline-failure-reason").stringValue());
        assertTrue(LOG.stream().anyMatch(l -> l.startsWith("[IntakeFunction] ") && l.contains("requester: is required")),
                "the reason is in the intake function's log, prefixed with its name");
    }

    @Test
    void theLambdaInvokeApiReachesAWorker() throws Exception {
        String event = TRIAGE_EVENT_FOR_A_MISSING_TICKET;
        HttpResponse<String> invoked = http.send(HttpRequest.newBuilder(system.lambdaUrl()
                        .resolve("/2015-03-31/functions/TriageFunction/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, invoked.statusCode(), invoked.body());
        assertEquals(0, JSON.readTree(invoked.body()).path("batchItemFailures").size(), invoked.body());
        assertTrue(await(() -> LOG.stream().filter(l -> l.startsWith("[TriageFunction] ")
                && l.contains("01HZZZZZZZZZZZZZZZZZZZZZZZ does not exist")).findFirst(), "the triage log line")
                .contains("dropped"));
    }

    @Test
    void theAwsCliInvokesAWorkerThroughTheLocalLambdaEndpoint() throws Exception {
        Assumptions.assumeTrue(onPath("aws"), "the aws CLI is not installed; skipping the CLI invocation");
        Path out = Files.createTempFile("invoke", ".json");
        List<String> args = new java.util.ArrayList<>(List.of("aws", "lambda", "invoke", "--endpoint-url",
                system.lambdaUrl().toString(), "--region", "us-east-1", "--function-name", "TriageFunction",
                "--payload", TRIAGE_EVENT_FOR_A_MISSING_TICKET, out.toString()));
        if (awsCliMajorVersion() >= 2) {
            args.addAll(3, List.of("--cli-binary-format", "raw-in-base64-out")); // v2 reads --payload as base64
        }
        ProcessBuilder command = new ProcessBuilder(args).redirectErrorStream(true);
        command.environment().put("AWS_ACCESS_KEY_ID", "local");
        command.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        Process cli = command.start();
        cli.getOutputStream().close();
        String said = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "aws lambda invoke did not finish");
        assertEquals(0, cli.exitValue(), "aws lambda invoke failed: " + said);
        assertEquals(0, JSON.readTree(Files.readString(out)).path("batchItemFailures").size(), Files.readString(out));
        assertTrue(JSON.readTree(Files.readString(out)).has("batchItemFailures"), Files.readString(out));
    }

    static int awsCliMajorVersion() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
        String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor();
        return said.startsWith("aws-cli/2") ? 2 : 1;
    }

    static boolean onPath(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
