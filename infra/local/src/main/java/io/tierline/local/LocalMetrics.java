package io.tierline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The metrics the functions would have sent to CloudWatch: their Embedded Metric Format lines, read from the
 * functions' output as CloudWatch Logs would, listed by {@code GET /_local/metrics} on the HTTP API port and summed
 * up when the runner stops. The raw EMF line is replaced in the console by a readable one.
 */
public final class LocalMetrics {
    /** The local route of the listing (not one of the template's). */
    public static final String ROUTE = "GET /_local/metrics";
    private static final String EMF_START = "{\"_aws\"";

    /** One metric value as CloudWatch would extract it. */
    public record Emitted(String function, String name, double value, String unit, Map<String, String> dimensions,
                          String ticketId) {
        String describe() {
            String amount = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            return String.format(Locale.ROOT, "%-26s %8s %-12s %-40s %s", name, amount, unit, dimensions,
                    ticketId == null ? "" : "ticket " + ticketId);
        }
    }

    private final List<Emitted> emitted = new ArrayList<>();

    /** The function log with EMF lines taken out, recorded and shown readably. */
    public Consumer<String> tap(Consumer<String> log) {
        return line -> {
            int prefixEnd = line.startsWith("[") ? line.indexOf("] ") + 2 : 0;
            String rest = line.substring(Math.max(prefixEnd, 0));
            if (!rest.startsWith(EMF_START)) {
                log.accept(line);
                return;
            }
            try {
                List<Emitted> read = parse(Json.read(rest));
                synchronized (emitted) {
                    emitted.addAll(read);
                }
                read.forEach(e -> log.accept(line.substring(0, Math.max(prefixEnd, 0)) + "metric " + e.describe()));
            } catch (RuntimeException notEmf) {
                log.accept(line);
            }
        };
    }

    static List<Emitted> parse(JsonNode line) {
        List<Emitted> read = new ArrayList<>();
        String function = line.path("function").asText(null);
        String ticket = line.path("ticketId").asText(null);
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            Map<String, String> dimensions = new TreeMap<>();
            // the first (largest) dimension set names the split; the empty one is the total
            for (JsonNode name : directive.path("Dimensions").path(0)) {
                dimensions.put(name.asText(), line.path(name.asText()).asText());
            }
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                read.add(new Emitted(function, name, line.path(name).asDouble(), metric.path("Unit").asText("None"),
                        dimensions, ticket));
            }
        }
        return read;
    }

    public List<Emitted> emitted() {
        synchronized (emitted) {
            return List.copyOf(emitted);
        }
    }

    /** Every value in the order the functions wrote them, then the totals by metric and dimensions. */
    public String listing() {
        List<Emitted> all = emitted();
        StringBuilder text = new StringBuilder("# metrics emitted (CloudWatch namespace Tierline), in order\n");
        all.forEach(e -> text.append(String.format(Locale.ROOT, "%-18s ", e.function() == null ? "-"
                : e.function())).append(e.describe().stripTrailing()).append('\n'));
        text.append(summary());
        return text.toString();
    }

    /** Count, sum and maximum per metric and dimensions: what a dashboard would show. */
    public String summary() {
        Map<String, double[]> totals = new TreeMap<>();
        for (Emitted e : emitted()) {
            double[] t = totals.computeIfAbsent(e.name() + " " + e.dimensions() + " " + e.unit(),
                    k -> new double[]{0, 0, Double.NEGATIVE_INFINITY});
            t[0]++;
            t[1] += e.value();
            t[2] = Math.max(t[2], e.value());
        }
        StringBuilder text = new StringBuilder("# totals: metric {dimensions} unit: count, sum, max\n");
        totals.forEach((key, t) -> text.append(String.format(Locale.ROOT, "%s: %d, %s, %s%n", key, (long) t[0],
                plain(t[1]), plain(t[2]))));
        return text.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The listing as an HTTP API route's answer (API Gateway payload 2.0 response). */
    public Invocable route() {
        return payload -> {
            ObjectNode response = Json.object();
            response.put("statusCode", 200);
            response.putObject("headers").put("content-type", "text/plain; charset=utf-8");
            response.put("body", listing());
            return CompletableFuture.completedFuture(InvocationResult.success(
                    Json.write(response).getBytes(StandardCharsets.UTF_8)));
        };
    }

}
