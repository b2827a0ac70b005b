package io.tierline.core.policy;

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
import io.tierline.core.triage.RoutingRule;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator-edited policy document (JSON). Loading validates all of it and refuses a bad document with errors
 * that name the rule and the field, e.g. {@code routingRules[billing].team: is required}.
 */
public final class PolicyDocument {
    public static final String BUNDLED = "/io/tierline/policy/default-policy.json";
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> TOP_LEVEL = Set.of("priorityMatrix", "defaultRoute", "routingRules",
            "transfers", CalendarParser.SECTION, SlaPolicyParser.SECTION);
    private static final Set<String> LEVEL_CODES = Set.of("high", "medium", "low");
    private static final Set<String> RULE_FIELDS = Set.of("name", "keywords", "team", "tier", "category");

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

    public static Policies parse(String text) {
        JsonNode root = Json.parse(text);
        JsonFields doc = JsonFields.of(root);
        doc.rejectUnknown(TOP_LEVEL);
        List<FieldError> errors = new ArrayList<>();
        PriorityMatrix matrix = matrix(root.path("priorityMatrix"), errors);

        JsonFields route = doc.object("defaultRoute", true);
        route.rejectUnknown(Set.of("team", "tier"));
        String defaultTeam = route.text("team", true, 63);
        route.check(defaultTeam == null || TEAM.matcher(defaultTeam).matches(), "team", teamProblem());
        Tier defaultTier = tier(root.path("defaultRoute").path("tier"), "defaultRoute.tier", errors);

        JsonFields transfers = doc.object("transfers", false);
        transfers.rejectUnknown(Set.of("agentsNeedApproval"));
        JsonNode approval = root.path("transfers").path("agentsNeedApproval");
        if (!approval.isMissingNode() && !approval.isBoolean()) {
            errors.add(new FieldError("transfers.agentsNeedApproval", "must be true or false"));
        }
        TransferPolicy transferPolicy = new TransferPolicy(approval.asBoolean(false));

        List<RoutingRule> rules = new ArrayList<>();
        JsonNode ruleNodes = root.path("routingRules");
        if (!ruleNodes.isMissingNode() && !ruleNodes.isArray()) {
            errors.add(new FieldError("routingRules", "must be an array"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; ruleNodes.isArray() && i < ruleNodes.size(); i++) {
            JsonNode node = ruleNodes.get(i);
            String label = node.path("name").isTextual() && !node.path("name").asText().isBlank()
                    ? "routingRules[" + node.path("name").asText() + "]" : "routingRules[" + i + "]";
            JsonFields rule = JsonFields.of(node);
            List<FieldError> ruleErrors = new ArrayList<>();
            try {
                rule.rejectUnknown(RULE_FIELDS);
                String name = rule.text("name", true, 100);
                rule.check(name == null || names.add(name), "name", "is used by another rule");
                List<String> keywords = rule.textList("keywords", 200, 100);
                rule.check(!keywords.isEmpty(), "keywords", "must list at least one keyword");
                String team = rule.text("team", true, 63);
                rule.check(team == null || TEAM.matcher(team).matches(), "team", teamProblem());
                String category = rule.text("category", false, 100);
                Tier tier = tier(node.path("tier"), "tier", ruleErrors);
                rule.throwIfInvalid();
                if (ruleErrors.isEmpty()) {
                    rules.add(new RoutingRule(name, keywords, team, tier, category));
                }
            } catch (InvalidInputException e) {
                ruleErrors.addAll(e.errors());
            }
            ruleErrors.forEach(e -> errors.add(new FieldError(label + "." + e.field(), e.problem())));
        }
        SlaPolicies sla = SlaPolicies.NONE;
        try {
            Calendars calendars = CalendarParser.parse(root.path(CalendarParser.SECTION));
            sla = SlaPolicyParser.parse(root.path(SlaPolicyParser.SECTION), calendars);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        try {
            doc.throwIfInvalid();
        } catch (InvalidInputException e) {
            errors.addAll(0, e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Policies(new TriagePolicy(matrix, defaultTeam, defaultTier, rules), transferPolicy, sla);
    }

    private static String teamProblem() {
        return "must be a team code: lower-case letters, digits and -";
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
