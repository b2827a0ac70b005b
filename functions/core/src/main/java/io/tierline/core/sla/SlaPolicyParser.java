package io.tierline.core.sla;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import io.tierline.core.validation.DocumentProblems;
import io.tierline.core.validation.PolicySchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the policy document's {@code slaPolicies} section, in order:
 * <pre>
 * [{"name": "pro", "when": {"plan": ["pro"]}, "calendar": "berlin-office",
 *   "metrics": {"firstResponse": {"targets": {"urgent": "1h", "high": "2h", "normal": "4h", "low": "8h"}},
 *               "resolution": {"target": "48h", "calendar": "calendar-time", "pausedIn": ["pending", "on-hold"]}}},
 *  {"name": "basic", "when": {"plan": ["basic"]}, "metrics": {"resolution": {"target": "3d"}}}]
 * </pre>
 * A target's calendar is the first given of: the target's, the metric's, the policy's; none means calendar time.
 * Its shape is the schema's ({@code $defs/slaPolicy}); here only what a schema cannot say: names are unique,
 * calendars exist, a duration is at most 366 days, days are not counted in business time, warnings increase.
 */
public final class SlaPolicyParser {
    public static final String SECTION = "slaPolicies";
    private static final JsonPointer AT = JsonPointer.compile("/" + SECTION);

    private SlaPolicyParser() {
    }

    /** The policies of {@code section} (missing means none); calendars are looked up in {@code calendars}. */
    public static SlaPolicies parse(JsonNode section, Calendars calendars) {
        DocumentProblems problems = PolicySchema.checkSection(SECTION, section);
        SlaPolicies policies = read(section, calendars, problems);
        problems.throwIfAny();
        return policies;
    }

    /** Adds what the schema cannot see to {@code problems}; the result holds only the policies without any. */
    public static SlaPolicies read(JsonNode section, Calendars calendars, DocumentProblems problems) {
        List<SlaPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; section.isArray() && i < section.size(); i++) {
            JsonNode node = section.get(i);
            JsonPointer at = AT.appendIndex(i);
            if (!node.isObject()) {
                continue;
            }
            String name = node.path("name").asText().strip();
            if (problems.sound(at.appendProperty("name")) && !names.add(name)) {
                problems.add(at.appendProperty("name"), "is used by another policy");
            }
            BusinessCalendar calendar = calendar(node.path("calendar"), at.appendProperty("calendar"), calendars,
                    BusinessCalendar.CALENDAR_TIME, problems);
            Map<SlaMetric, MetricPolicy> metrics = new EnumMap<>(SlaMetric.class);
            for (SlaMetric metric : SlaMetric.values()) {
                JsonNode metricNode = node.path("metrics").path(metric.key());
                if (metricNode.isObject()) {
                    metrics.put(metric, metric(metric, metricNode, at.appendProperty("metrics")
                            .appendProperty(metric.key()), calendars, calendar, problems));
                }
            }
            if (problems.sound(at)) {
                policies.add(new SlaPolicy(name, conditions(node.path("when")), metrics));
            }
        }
        return new SlaPolicies(policies);
    }

    /** The {@code when} of a policy (SLA or escalation), as the schema ({@code $defs/conditions}) admits it. */
    public static SlaConditions conditions(JsonNode node) {
        return new SlaConditions(values(node.path("plan"), Function.identity()),
                values(node.path("priority"), code -> Codes.parse(Priority.class, code)),
                values(node.path("channel"), code -> Codes.parse(Channel.class, code)),
                values(node.path("category"), Function.identity()),
                values(node.path("team"), Function.identity()),
                values(node.path("customerId"), Function.identity()));
    }

    private static <T> Set<T> values(JsonNode node, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        node.forEach(item -> values.add(parse.apply(item.asText().strip())));
        return values;
    }

    /** The named calendar, {@code inherited} when none is named, null when the name is unknown (reported). */
    private static BusinessCalendar calendar(JsonNode node, JsonPointer at, Calendars calendars,
                                             BusinessCalendar inherited, DocumentProblems problems) {
        if (node.isMissingNode() || !problems.sound(at)) {
            return node.isMissingNode() ? inherited : null;
        }
        BusinessCalendar calendar = calendars.find(node.asText()).orElse(null);
        if (calendar == null) {
            problems.add(at, calendars.unknownReference());
        }
        return calendar;
    }

    private static MetricPolicy metric(SlaMetric metric, JsonNode node, JsonPointer at, Calendars calendars,
                                       BusinessCalendar inherited, DocumentProblems problems) {
        BusinessCalendar calendar = calendar(node.path("calendar"), at.appendProperty("calendar"), calendars,
                inherited, problems);
        Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
        if (node.has("target")) {
            SlaTarget target = target(node.get("target"), at.appendProperty("target"), calendars, calendar, problems);
            for (Priority priority : Priority.values()) {
                targets.put(priority, target);
            }
        } else {
            for (Priority priority : Priority.values()) {
                JsonNode target = node.path("targets").path(priority.code());
                if (!target.isMissingNode()) {
                    targets.put(priority, target(target, at.appendProperty("targets").appendProperty(priority.code()),
                            calendars, calendar, problems));
                }
            }
        }
        List<Integer> warnings = warnings(node.path("warnAt"), at.appendProperty("warnAt"), problems);
        Set<Status> pausedIn = metric.defaultPausedIn();
        if (node.has("pausedIn") && problems.sound(at.appendProperty("pausedIn"))) {
            pausedIn = EnumSet.noneOf(Status.class);
            for (JsonNode status : node.get("pausedIn")) {
                pausedIn.add(Codes.parse(Status.class, status.asText()));
            }
        }
        return problems.sound(at) ? new MetricPolicy(metric, targets, warnings, pausedIn) : null;
    }

    /** "4h", or {"within": "4h", "calendar": "24x7"} to count this priority's target in another calendar. */
    private static SlaTarget target(JsonNode node, JsonPointer at, Calendars calendars, BusinessCalendar inherited,
                                    DocumentProblems problems) {
        JsonNode within = node.isObject() ? node.path("within") : node;
        JsonPointer withinAt = node.isObject() ? at.appendProperty("within") : at;
        BusinessCalendar calendar = node.isObject()
                ? calendar(node.path("calendar"), at.appendProperty("calendar"), calendars, inherited, problems)
                : inherited;
        Duration duration = DurationText.read(within, withinAt, problems);
        if (duration == null || calendar == null) {
            return null;
        }
        if (!calendar.isCalendarTime() && DurationText.usesDays(within.asText())) {
            problems.add(withinAt, "days are ambiguous in business time (a working day is not 24 hours): give "
                    + "hours, e.g. 24h for three 8-hour working days");
            return null;
        }
        return new SlaTarget(duration, calendar);
    }

    /** Percentages of the target, each above the one before it. */
    private static List<Integer> warnings(JsonNode node, JsonPointer at, DocumentProblems problems) {
        if (node.isMissingNode()) {
            return MetricPolicy.DEFAULT_WARNINGS;
        }
        List<Integer> percents = new ArrayList<>();
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            int previous = percents.isEmpty() ? 0 : percents.get(percents.size() - 1);
            if (!problems.sound(at.appendIndex(i))) {
                continue;
            }
            if (node.get(i).asInt() <= previous) {
                problems.add(at.appendIndex(i), "must be greater than the warning before it");
            } else {
                percents.add(node.get(i).asInt());
            }
        }
        return percents;
    }
}
