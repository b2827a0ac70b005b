package io.tierline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The punctuality run's policy document: the bundled one (so triage routes as usual) with a round-the-clock
 * calendar and one SLA policy for every ticket: a first response due {@link #TARGET} after creation.
 * <p>
 * Two minutes, because the sweep runs every minute and looks two minutes ahead: the first sweep after triage sends
 * the deadline ahead of time whenever the ticket was created. With one minute, a ticket whose triage straddled a
 * sweep's minute would be sent only by the next sweep, up to a minute late. Warnings are left out for the same
 * reason: the DueIndex holds each ticket's next deadline only, so a warning less than a sweep period before its
 * breach (never so with real targets of hours) would hold the breach back.
 */
final class BenchPolicy {
    static final Duration TARGET = Duration.ofMinutes(2);
    static final String FILE_NAME = "bench-policy.json";

    private BenchPolicy() {
    }

    static String document() {
        ObjectNode doc = (ObjectNode) Json.parse(bundledText());
        doc.putArray("calendars").addObject().put("id", "24x7").put("timeZone", "UTC").put("alwaysOpen", true);
        // the benchmark measures the clocks: no escalation levels, so every due item is an SLA deadline
        doc.remove("escalationPolicies");
        doc.remove("directory");
        ObjectNode firstResponse = doc.putArray("slaPolicies").addObject().put("name", "bench").put("calendar", "24x7")
                .putObject("metrics").putObject("firstResponse").put("target", TARGET.toMinutes() + "m");
        firstResponse.putArray("warnAt");
        String text = Json.write(doc);
        PolicyDocument.parse(text); // refuse here what the functions would refuse at start
        return text;
    }

    static Path write(Path folder) {
        try {
            return Files.writeString(folder.resolve(FILE_NAME), document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policies read(Path file) {
        return PolicyDocument.fromFile(file);
    }

    private static String bundledText() {
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
