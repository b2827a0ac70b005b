package io.tierline.core.policy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import io.tierline.core.triage.Keywords;
import io.tierline.core.triage.RuleActions;
import io.tierline.core.triage.RuleCondition;
import io.tierline.core.triage.TimeOfDay;
import io.tierline.core.triage.TriageRule;
import io.tierline.core.validation.DocumentProblems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code rules} section of the policy document. Its shape is the schema's ({@code $defs/rule}); here only
 * what a schema cannot say: names are unique, the regex compiles as a Java regular expression (the schema's
 * regexes are ECMA-262), the calendar of {@code timeOfDay} exists, e.g.
 * {@code rules[outage].when.regex: is not a valid regular expression: ...}.
 */
final class TriageRuleParser {
    static final String SECTION = "rules";
    private static final JsonPointer AT = JsonPointer.compile("/" + SECTION);

    private TriageRuleParser() {
    }

    static List<TriageRule> read(JsonNode rules, Calendars calendars, DocumentProblems problems) {
        List<TriageRule> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; rules.isArray() && i < rules.size(); i++) {
            JsonNode node = rules.get(i);
            JsonPointer at = AT.appendIndex(i);
            if (!node.isObject()) {
                continue;
            }
            String name = node.path("name").asText().strip();
            if (problems.sound(at.appendProperty("name")) && !names.add(name)) {
                problems.add(at.appendProperty("name"), "is used by another rule");
            }
            JsonNode when = node.path("when");
            JsonPointer whenAt = at.appendProperty("when");
            Pattern regex = regex(when.path("regex"), whenAt.appendProperty("regex"), problems);
            TimeOfDay time = timeOfDay(when.path("timeOfDay"), whenAt.appendProperty("timeOfDay"), calendars,
                    problems);
            if (problems.sound(at)) {
                parsed.add(new TriageRule(name, condition(when, regex, time), actions(node.path("then"))));
            }
        }
        return parsed;
    }

    private static Pattern regex(JsonNode node, JsonPointer at, DocumentProblems problems) {
        if (node.isMissingNode() || !problems.sound(at)) {
            return null;
        }
        try {
            return Pattern.compile(node.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            problems.add(at, "is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private static TimeOfDay timeOfDay(JsonNode node, JsonPointer at, Calendars calendars,
                                       DocumentProblems problems) {
        if (node.isMissingNode() || !problems.sound(at.appendProperty("calendar"))) {
            return null;
        }
        BusinessCalendar calendar = calendars.find(node.path("calendar").asText()).orElse(null);
        if (calendar == null) {
            problems.add(at.appendProperty("calendar"), calendars.unknownReference());
            return null;
        }
        return new TimeOfDay(calendar, node.path("open").asBoolean());
    }

    private static RuleCondition condition(JsonNode when, Pattern regex, TimeOfDay timeOfDay) {
        List<String> keywords = texts(when.path("keywords"));
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (String field : RuleCondition.FIELDS) {
            if (when.path("fields").has(field)) {
                Set<String> values = new HashSet<>();
                texts(when.path("fields").get(field)).forEach(value -> values.add(value.toLowerCase(Locale.ROOT)));
                fields.put(field, values);
            }
        }
        return new RuleCondition(keywords.isEmpty() ? null : Keywords.pattern(keywords), regex, fields,
                Set.copyOf(texts(when.path("language"))), share(when.path("frustrationAtLeast")),
                share(when.path("riskAtLeast")), timeOfDay);
    }

    private static RuleActions actions(JsonNode then) {
        return new RuleActions(text(then.path("team")),
                then.has("tier") ? Tier.of(then.get("tier").asInt()) : null, text(then.path("category")),
                then.has("priority") ? Codes.parse(Priority.class, then.get("priority").asText()) : null,
                texts(then.path("tags")), then.path("escalateNow").asBoolean(false), then.path("stop").asBoolean(true));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().strip() : null;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText().strip()));
        return texts;
    }

    private static Double share(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
