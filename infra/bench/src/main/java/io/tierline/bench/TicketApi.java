package io.tierline.bench;

import io.tierline.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates tickets through the local HTTP API as a customer would: {@code POST /tickets} with JSON. */
final class TicketApi {
    /** A few requests in flight, so that one slow answer does not hold back the ones due after it. */
    private static final int CLIENTS = 4;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The body of POST /tickets for ticket n of a run named {@code run}: urgent, from a pro customer. */
    static String urgentTicket(String run, int n) {
        String who = Character.toUpperCase(run.charAt(0)) + run.substring(1);
        return Json.write(Map.of(
                "subject", "Checkout is down for all users (" + run + " " + n + ")",
                "description", "Every payment fails with a 500 error since a few minutes.",
                "impact", "high", "urgency", "high",
                "requester", Map.of("name", who + " " + n, "email", run + "-" + n + "@example.com",
                        "customerId", "bench", "plan", "pro")));
    }

    TicketApi(URI base) {
        this.base = base;
    }

    /** An urgent ticket (high impact, high urgency) of a pro customer; returns its id. */
    String create(int n) throws IOException, InterruptedException {
        String body = urgentTicket("bench", n);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/tickets"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /tickets answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body()).get("id").asText();
    }

    /**
     * Creates {@code count} tickets evenly over {@code spread}, ticket n at n/count of it, so that their deadlines
     * spread the same way rather than arriving in one burst.
     */
    List<String> createSpread(int count, Duration spread) throws InterruptedException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        long slot = start + spread.toNanos() * n / count;
                        TimeUnit.NANOSECONDS.sleep(slot - System.nanoTime());
                        ids.add(create(n));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating tickets failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            clients.shutdownNow();
        }
        return List.copyOf(ids);
    }
}
