package io.tierline.core.policy;

import io.tierline.core.calendar.FieldProblems;
import io.tierline.core.escalation.EscalationPolicies;
import io.tierline.core.escalation.EscalationPolicyParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.CalendarParser;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.json.Json;
import io.tierline.core.sla.SlaPolicies;
import io.tierline.core.sla.SlaPolicyParser;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import io.tierline.core.triage.PriorityMatrix;
import io.tierline.core.triage.TriageRule;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.validation.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator-edited policy document (JSON). Loading validates all of it and refuses a bad document with errors
 * that name the rule and the field, e.g. {@code rules[billing].then.team: must be a team code ...}.
 */
public final class PolicyDocument {
    public static final String BUNDLED = "/io/tierline/policy/default-policy.json";
    private static final Set<String> TOP_LEVEL = Set.of("priorityMatrix", "defaultRoute", "classifier",
            TriageRuleParser.SECTION, "transfers", CalendarParser.SECTION, SlaPolicyParser.SECTION,
            EscalationPolicyParser.DIRECTORY, EscalationPolicyParser.POLICIES, EscalationPolicyParser.REQUESTS);
    private static final Set<String> LEVEL_CODES = Set.of("high", "medium", "low");

    private PolicyDocument() {
    }

    public static Policies bundled() {
        try (InputStream in = PolicyDocument.class.getResourceAsStream(BUNDLED)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            return file.map(PolicyDocument::fromFile).orElseGet(PolicyDocument::bundled);
        } catch (InvalidInputException e) {
            throw new InvalidPolicyDocumentException(file.map(Path::toString).orElse(BUNDLED), e.errors());
        }
    }

    public static Policies parse(String text) {
        JsonNode root = Json.parse(text);
        JsonFields doc = JsonFields.of(root);
        doc.rejectUnknown(TOP_LEVEL);
        List<FieldError> errors = new ArrayList<>();
        PriorityMatrix matrix = matrix(root.path("priorityMatrix"), errors);

        JsonFields route = doc.object("defaultRoute", true);
        route.rejectUnknown(Set.of("team", "tier"));
        String defaultTeam = route.text("team", true, 63);
        route.check(defaultTeam == null || TriageRuleParser.TEAM.matcher(defaultTeam).matches(), "team",
                TriageRuleParser.TEAM_PROBLEM);
        Tier defaultTier = tier(root.path("defaultRoute").path("tier"), "defaultRoute.tier", errors);

        JsonFields transfers = doc.object("transfers", false);
        transfers.rejectUnknown(Set.of("agentsNeedApproval"));
        JsonNode approval = root.path("transfers").path("agentsNeedApproval");
        if (!approval.isMissingNode() && !approval.isBoolean()) {
            errors.add(new FieldError("transfers.agentsNeedApproval", "must be true or false"));
        }
        TransferPolicy transferPolicy = new TransferPolicy(approval.asBoolean(false));

        double minConfidence = classifierMinConfidence(doc, root.path("classifier"), errors);
        // each section reads what it can and reports its problems, so one bad calendar does not hide the rest
        FieldProblems calendarsAt = FieldProblems.at(CalendarParser.SECTION);
        Calendars calendars = CalendarParser.read(root.path(CalendarParser.SECTION), calendarsAt);
        errors.addAll(calendarsAt.errors());
        FieldProblems slaAt = FieldProblems.at(SlaPolicyParser.SECTION);
        SlaPolicies sla = SlaPolicyParser.read(root.path(SlaPolicyParser.SECTION), calendars, slaAt);
        errors.addAll(slaAt.errors());
        List<TriageRule> rules = TriageRuleParser.parse(root.path(TriageRuleParser.SECTION), calendars, errors);
        FieldProblems directoryAt = FieldProblems.at(EscalationPolicyParser.DIRECTORY);
        FieldProblems escalationAt = FieldProblems.at(EscalationPolicyParser.POLICIES);
        FieldProblems requestsAt = FieldProblems.at(EscalationPolicyParser.REQUESTS);
        EscalationPolicies escalation = EscalationPolicyParser.read(root, calendars, directoryAt, escalationAt,
                requestsAt);
        errors.addAll(directoryAt.errors());
        errors.addAll(escalationAt.errors());
        errors.addAll(requestsAt.errors());
        try {
            doc.throwIfInvalid();
        } catch (InvalidInputException e) {
            errors.addAll(0, e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Policies(new TriagePolicy(matrix, defaultTeam, defaultTier, minConfidence, rules),
                transferPolicy, sla, escalation);
    }

    private static double classifierMinConfidence(JsonFields doc, JsonNode node, List<FieldError> errors) {
        doc.object("classifier", false).rejectUnknown(Set.of("minConfidence"));
        JsonNode value = node.path("minConfidence");
        if (value.isMissingNode() || value.isNull()) {
            return TriagePolicy.DEFAULT_MIN_CONFIDENCE;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            errors.add(new FieldError("classifier.minConfidence", "must be a number from 0 to 1"));
            return TriagePolicy.DEFAULT_MIN_CONFIDENCE;
        }
        return value.asDouble();
    }

    private static Tier tier(JsonNode node, String field, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.canConvertToExactIntegral() || node.asInt() < 0 || node.asInt() > 3) {
            errors.add(new FieldError(field, "must be a tier from 0 to 3"));
            return null;
        }
        return Tier.of(node.asInt());
    }

    private static PriorityMatrix matrix(JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError("priorityMatrix", "must be an object: impact → urgency → priority"));
            return null;
        }
        Map<Level, Map<Level, Priority>> cells = new EnumMap<>(Level.class);
        for (Level impact : Level.values()) {
            JsonNode row = node.path(impact.code());
            Map<Level, Priority> priorities = new EnumMap<>(Level.class);
            for (Level urgency : Level.values()) {
                String field = "priorityMatrix." + impact.code() + "." + urgency.code();
                JsonNode cell = row.path(urgency.code());
                if (!cell.isTextual()) {
                    errors.add(new FieldError(field, "is required: one of " + Codes.allowed(Priority.class)));
                    continue;
                }
                try {
                    priorities.put(urgency, Codes.parse(Priority.class, cell.asText()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field, e.getMessage()));
                }
            }
            cells.put(impact, priorities);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!LEVEL_CODES.contains(name)) {
                errors.add(new FieldError("priorityMatrix." + name, "is not an impact level (high, medium, low)"));
            }
        });
        try {
            return new PriorityMatrix(cells);
        } catch (IllegalArgumentException incomplete) {
            return null; // the missing cells are already reported
        }
    }
}
