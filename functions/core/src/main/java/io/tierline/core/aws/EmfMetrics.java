package io.tierline.core.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.metrics.Dimension;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line per measurement on the function's standard output,
 * which Lambda sends to CloudWatch Logs, where CloudWatch extracts the metric; no agent, no SDK call, no start-up
 * cost. The official EMF library is not used: it is not in the Maven copy reachable here and probes its environment
 * at start; the format is a dozen lines of Jackson.
 *
 * <p>Each metric is written with its own dimensions and with none (the total an alarm watches). The ticket id and
 * the function are plain properties: searchable in Logs Insights, not dimensions (a ticket id would make a metric
 * per ticket).
 */
public final class EmfMetrics implements Metrics {
    public static final String NAMESPACE = "Tierline";

    private final Consumer<String> lines;
    private final Clock clock;
    private final String function;

    public EmfMetrics(Consumer<String> lines, Clock clock, String function) {
        this.lines = lines;
        this.clock = clock;
        this.function = function;
    }

    /**
     * Writes to file descriptor 1 itself: Lambda reads EMF from the process's standard output, and the log
     * framework's console handler (JSON lines) must not wrap it in a log record.
     */
    public static EmfMetrics toStandardOutput(Clock clock, String function) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new EmfMetrics(line -> {
            synchronized (out) {
                out.println(line);
            }
        }, clock, function);
    }

    @Override
    public void record(Measurement m) {
        lines.accept(line(m));
    }

    String line(Measurement m) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSets = directive.putArray("Dimensions");
        if (!m.name().dimensions().isEmpty()) {
            ArrayNode split = dimensionSets.addArray();
            m.name().dimensions().forEach(d -> split.add(d.cloudWatchName()));
        }
        dimensionSets.addArray();
        directive.putArray("Metrics").addObject().put("Name", m.name().cloudWatchName())
                .put("Unit", m.name().unit().cloudWatchName());
        for (Dimension d : m.name().dimensions()) {
            root.put(d.cloudWatchName(), m.dimensions().get(d));
        }
        root.put(m.name().cloudWatchName(), m.value());
        if (function != null) {
            root.put("function", function);
        }
        if (m.ticket() != null) {
            root.put("ticketId", m.ticket().value());
        }
        return root.toString();
    }
}
