package io.tierline.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import io.tierline.core.triage.Keywords;
import io.tierline.core.triage.RuleActions;
import io.tierline.core.triage.RuleCondition;
import io.tierline.core.triage.TimeOfDay;
import io.tierline.core.triage.TriageRule;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.validation.JsonFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code rules} section of the policy document. Every problem is collected and named by rule and field,
 * e.g. {@code rules[outage].when.regex: is not a valid regular expression: ...}.
 */
final class TriageRuleParser {
    static final String SECTION = "rules";
    static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final String TEAM_PROBLEM = "must be a team code: lower-case letters, digits and -";
    private static final Set<String> RULE_FIELDS = Set.of("name", "when", "then");
    private static final Set<String> WHEN_FIELDS = Set.of("keywords", "regex", "fields", "language",
            "frustrationAtLeast", "riskAtLeast", "timeOfDay");
    private static final Set<String> THEN_FIELDS = Set.of("team", "tier", "category", "priority", "tags",
            "escalateNow", "stop");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|und");

    private TriageRuleParser() {
    }

    static List<TriageRule> parse(JsonNode rules, Calendars calendars, List<FieldError> errors) {
        List<TriageRule> parsed = new ArrayList<>();
        if (rules.isMissingNode() || rules.isNull()) {
            return parsed;
        }
        if (!rules.isArray()) {
            errors.add(new FieldError(SECTION, "must be an array"));
            return parsed;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode node = rules.get(i);
            String label = node.path("name").isTextual() && !node.path("name").asText().isBlank()
                    ? SECTION + "[" + node.path("name").asText() + "]" : SECTION + "[" + i + "]";
            List<FieldError> ruleErrors = new ArrayList<>();
            try {
                JsonFields rule = JsonFields.of(node);
                rule.rejectUnknown(RULE_FIELDS);
                String name = rule.text("name", true, 100);
                rule.check(name == null || names.add(name), "name", "is used by another rule");
                RuleCondition when = condition(node.path("when"), rule.object("when", false), calendars);
                RuleActions then = actions(node.path("then"), rule.object("then", true));
                rule.throwIfInvalid();
                parsed.add(new TriageRule(name, when, then));
            } catch (InvalidInputException e) {
                ruleErrors.addAll(e.errors());
            }
            ruleErrors.forEach(e -> errors.add(new FieldError(label + "." + e.field(), e.problem())));
        }
        return parsed;
    }

    private static RuleCondition condition(JsonNode node, JsonFields when, Calendars calendars) {
        when.rejectUnknown(WHEN_FIELDS);
        List<String> keywords = when.textList("keywords", 200, 100);
        when.check(!node.has("keywords") || !keywords.isEmpty() || !node.get("keywords").isArray(), "keywords",
                "must list at least one keyword");
        String regexText = when.text("regex", false, 1000);
        Pattern regex = null;
        if (regexText != null) {
            try {
                regex = Pattern.compile(regexText, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                when.check(false, "regex", "is not a valid regular expression: " + e.getDescription());
            }
        }
        JsonFields fieldsNode = when.object("fields", false);
        fieldsNode.rejectUnknown(Set.copyOf(RuleCondition.FIELDS));
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (String field : RuleCondition.FIELDS) {
            if (node.path("fields").has(field)) {
                fields.put(field, values(fieldsNode, field, node.path("fields").get(field)));
            }
        }
        List<String> languages = when.textList("language", 20, 100);
        for (int i = 0; i < languages.size(); i++) {
            when.check(LANGUAGE.matcher(languages.get(i)).matches(), "language[" + i + "]",
                    "must be an ISO 639-1 code such as fr, or und");
        }
        return new RuleCondition(keywords.isEmpty() ? null : Keywords.pattern(keywords),
                regex, fields, Set.copyOf(languages), share(node, when, "frustrationAtLeast"),
                share(node, when, "riskAtLeast"), timeOfDay(node.path("timeOfDay"), when, calendars));
    }

    /** Allowed values of one ticket field; codes of channel, impact and urgency must be known ones. */
    private static Set<String> values(JsonFields fields, String field, JsonNode node) {
        List<String> values = fields.textList(field, 100, 100);
        fields.check(!node.isArray() || !values.isEmpty(), field, "must list at least one value");
        Function<String, ?> code = codeCheck(field);
        Set<String> lowered = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                code.apply(values.get(i));
            } catch (IllegalArgumentException e) {
                fields.check(false, field + "[" + i + "]", e.getMessage());
            }
            lowered.add(values.get(i).toLowerCase(Locale.ROOT));
        }
        return lowered;
    }

    private static Function<String, ?> codeCheck(String field) {
        switch (field) {
            case "channel":
                return value -> Codes.parse(Channel.class, value);
            case "impact":
            case "urgency":
                return value -> Codes.parse(Level.class, value);
            default:
                return value -> value; // plan and category are free text
        }
    }

    private static Double share(JsonNode node, JsonFields when, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        boolean ok = value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1;
        when.check(ok, field, "must be a number from 0 to 1");
        return ok ? value.asDouble() : null;
    }

    private static TimeOfDay timeOfDay(JsonNode node, JsonFields when, Calendars calendars) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonFields time = when.object("timeOfDay", false);
        time.rejectUnknown(Set.of("calendar", "open"));
        String id = time.text("calendar", true, 100);
        BusinessCalendar calendar = id == null ? null : calendars.find(id).orElse(null);
        time.check(id == null || calendar != null, "calendar", "names no calendar in 'calendars'");
        time.check(node.path("open").isBoolean(), "open", "is required: true or false");
        return calendar == null ? null : new TimeOfDay(calendar, node.path("open").asBoolean());
    }

    private static RuleActions actions(JsonNode node, JsonFields then) {
        then.rejectUnknown(THEN_FIELDS);
        String team = then.text("team", false, 63);
        then.check(team == null || TEAM.matcher(team).matches(), "team", TEAM_PROBLEM);
        Tier tier = null;
        JsonNode tierNode = node.path("tier");
        if (!tierNode.isMissingNode() && !tierNode.isNull()) {
            boolean ok = tierNode.canConvertToExactIntegral() && tierNode.asInt() >= 0 && tierNode.asInt() <= 3;
            then.check(ok, "tier", "must be a tier from 0 to 3");
            tier = ok ? Tier.of(tierNode.asInt()) : null;
        }
        String category = then.text("category", false, 100);
        Priority priority = then.parsed("priority", value -> Codes.parse(Priority.class, value), null);
        List<String> tags = then.textList("tags", 20, 50);
        return new RuleActions(team, tier, category, priority, tags, flag(node, then, "escalateNow", false),
                flag(node, then, "stop", true));
    }

    private static boolean flag(JsonNode node, JsonFields then, String field, boolean absent) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        then.check(value.isBoolean(), field, "must be true or false");
        return value.asBoolean(absent);
    }
}
