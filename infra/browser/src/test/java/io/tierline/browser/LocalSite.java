package io.tierline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierline.local.LocalOptions;
import io.tierline.local.LocalSystem;
import io.tierline.local.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole local system (the packaged function zips run by the local runner on free ports, as {@code infra/e2e}
 * starts it) for browser tests, with an agent's side spoken over the JSON API using demo users' tokens from the local
 * sign-in endpoint. Function logs go to {@code target/local-system.log}.
 */
public final class LocalSite implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final LocalSystem system;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private LocalSite(LocalSystem system) {
        this.system = system;
    }

    public static LocalSite start() throws Exception {
        Path root = ProjectRoot.find();
        for (String zip : List.of("functions/api/target/function.zip", "functions/workers/target/function.zip")) {
            if (!Files.isRegularFile(root.resolve(zip))) {
                throw new IllegalStateException(zip + " is missing: run ./mvnw verify from the root");
            }
        }
        Path log = Path.of("target", "local-system.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        long started = System.nanoTime();
        LocalSystem system = LocalSystem.start(LocalOptions.ephemeral(ProjectRoot.templateFile())
                .withFunctionLog(line -> append(log, line)));
        system.awaitReady(Duration.ofSeconds(90));
        System.out.printf("local system ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9,
                system.httpApiUrl());
        return new LocalSite(system);
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return system.httpApiUrl();
    }

    public LocalSystem system() {
        return system;
    }

    /** A demo user's access token, fetched from the local sign-in endpoint exactly as the README shows. */
    public String token(String user) throws Exception {
        String issuer = system.aws().identity().issuer("AgentUserPool");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** An agent's JSON request; answers the JSON, failing on anything but 2xx. */
    public JsonNode asAgent(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        check(response);
        return JSON.readTree(response.body());
    }

    /** Files a ticket through the public JSON API, as a customer's mail or widget would; answers the 201's body. */
    public JsonNode fileTicket(String subject, String description) throws Exception {
        String json = JSON.createObjectNode().put("subject", subject).put("description", description)
                .set("requester", JSON.createObjectNode().put("name", "Kim").put("email", "kim@example.com"))
                .toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url().resolve("/tickets"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        check(response);
        return JSON.readTree(response.body());
    }

    /** Polls the ticket through the agent API until it satisfies the condition (triage runs asynchronously). */
    public JsonNode awaitTicket(String id, Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Browser.PATIENCE.toNanos();
        JsonNode ticket = asAgent("ada", "GET", "/tickets/" + id, null);
        while (!condition.test(ticket)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ticket " + id + " never became " + what + ": " + ticket);
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling a condition, not waiting for time to pass
            ticket = asAgent("ada", "GET", "/tickets/" + id, null);
        }
        return ticket;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        system.close();
    }
}
