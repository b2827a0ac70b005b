package io.tierline.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.CalendarParser;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.escalation.EscalationPolicies;
import io.tierline.core.escalation.EscalationPolicyParser;
import io.tierline.core.followup.FollowUpPolicy;
import io.tierline.core.report.RootCauses;
import io.tierline.core.json.Json;
import io.tierline.core.routing.Staffing;
import io.tierline.core.routing.StaffingParser;
import io.tierline.core.sla.SlaPolicies;
import io.tierline.core.sla.SlaPolicyParser;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import io.tierline.core.triage.PriorityMatrix;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.triage.TriageRule;
import io.tierline.core.validation.DocumentProblems;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.validation.PolicySchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator-edited policy document (JSON). Loading checks all of it against its published JSON Schema
 * (docs/policy.schema.json), then what a schema cannot say (references, uniqueness, order), and refuses a bad
 * document with every problem named by its path, e.g. {@code rules[billing].then.team: must be a team code ...}.
 */
public final class PolicyDocument {
    public static final String BUNDLED = "/io/tierline/policy/default-policy.json";

    private PolicyDocument() {
    }

    public static Policies bundled() {
        try (InputStream in = PolicyDocument.class.getResourceAsStream(BUNDLED)) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), PolicySchema::trusted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unreadable(IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return "cannot be read: there is no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        return "cannot be read: " + cause;
    }

    public static Policies fromFile(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy document " + file, e);
        }
    }

    /**
     * The document a function is configured with: {@code file}, or the bundled one.
     *
     * @throws InvalidPolicyDocumentException listing every problem by path
     */
    public static Policies load(Optional<Path> file) {
        String source = file.map(Path::toString).orElse(BUNDLED);
        try {
            return file.map(PolicyDocument::fromFile).orElseGet(PolicyDocument::bundled);
        } catch (InvalidInputException e) {
            throw new InvalidPolicyDocumentException(source, e.errors());
        } catch (UncheckedIOException e) {
            // refused like an invalid one, so the start failure names the file and why, not Quarkus's wrapper
            throw new InvalidPolicyDocumentException(source, List.of(new FieldError("$", unreadable(e.getCause()))));
        }
    }

    public static Policies parse(String text) {
        return read(text, PolicySchema::check);
    }

    /** @param schema the schema's problems with the document, or none for the bundled one (checked by the tests) */
    private static Policies read(String text, Function<JsonNode, DocumentProblems> schema) {
        JsonNode root = Json.parse(text);
        DocumentProblems problems = schema.apply(root);
        // each section adds what the schema cannot see, so one bad calendar does not hide the rest
        Calendars calendars = CalendarParser.read(root.path(CalendarParser.SECTION), problems);
        SlaPolicies sla = SlaPolicyParser.read(root.path(SlaPolicyParser.SECTION), calendars, problems);
        List<TriageRule> rules = TriageRuleParser.read(root.path(TriageRuleParser.SECTION), calendars, problems);
        EscalationPolicies escalation = EscalationPolicyParser.read(root, calendars, problems);
        FollowUpPolicy followUp = FollowUpPolicy.read(root.path(FollowUpPolicy.SECTION), problems);
        Staffing staffing = StaffingParser.read(root, escalation.directory(), problems);
        RootCauses rootCauses = RootCauses.read(root.path(RootCauses.SECTION), problems);
        problems.throwIfAny();
        JsonNode route = root.get("defaultRoute");
        double minConfidence = root.path("classifier").path("minConfidence")
                .asDouble(TriagePolicy.DEFAULT_MIN_CONFIDENCE);
        return new Policies(new TriagePolicy(matrix(root.get("priorityMatrix")), route.get("team").asText(),
                Tier.of(route.get("tier").asInt()), minConfidence, rules),
                new TransferPolicy(root.path("transfers").path("agentsNeedApproval").asBoolean(false)), sla, escalation,
                followUp, staffing, rootCauses);
    }

    private static PriorityMatrix matrix(JsonNode node) {
        Map<Level, Map<Level, Priority>> cells = new EnumMap<>(Level.class);
        for (Level impact : Level.values()) {
            Map<Level, Priority> row = new EnumMap<>(Level.class);
            for (Level urgency : Level.values()) {
                row.put(urgency, Codes.parse(Priority.class, node.get(impact.code()).get(urgency.code()).asText()));
            }
            cells.put(impact, row);
        }
        return new PriorityMatrix(cells);
    }
}
