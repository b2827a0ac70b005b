package io.tierline.core.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.calendar.FieldProblems;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the policy document's {@code slaPolicies} section, in order:
 * <pre>
 * [{"name": "pro", "when": {"plan": ["pro"]}, "calendar": "berlin-office",
 *   "metrics": {"firstResponse": {"targets": {"urgent": "1h", "high": "2h", "normal": "4h", "low": "8h"}},
 *               "resolution": {"target": "48h", "calendar": "calendar-time", "pausedIn": ["pending", "on-hold"]}}},
 *  {"name": "basic", "when": {"plan": ["basic"]}, "metrics": {"resolution": {"target": "3d"}}}]
 * </pre>
 * A target's calendar is the first given of: the target's, the metric's, the policy's; none means calendar time.
 * Every problem is reported with its path, e.g. {@code slaPolicies[pro].metrics.resolution.targets.urgent}.
 */
public final class SlaPolicyParser {
    public static final String SECTION = "slaPolicies";
    private static final Set<String> POLICY_FIELDS = Set.of("name", "when", "calendar", "metrics");
    private static final Set<String> CONDITION_FIELDS = Set.of("plan", "priority", "channel", "category", "team",
            "customerId");
    private static final Set<String> METRIC_FIELDS = Set.of("target", "targets", "calendar", "warnAt", "pausedIn");
    private static final Set<String> TARGET_FIELDS = Set.of("within", "calendar");
    private static final Set<String> METRIC_KEYS = Arrays.stream(SlaMetric.values()).map(SlaMetric::key)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PRIORITY_KEYS = Arrays.stream(Priority.values()).map(Priority::code)
            .collect(Collectors.toUnmodifiableSet());
    /** Statuses that may pause a clock: neither the working ones (new, open) nor the done ones (solved, closed). */
    private static final Set<Status> PAUSABLE = pausable();

    private SlaPolicyParser() {
    }

    /** The policies of {@code section} (missing means none); calendars are looked up in {@code calendars}. */
    public static SlaPolicies parse(JsonNode section, Calendars calendars) {
        FieldProblems problems = FieldProblems.at(SECTION);
        SlaPolicies policies = read(section, calendars, problems);
        problems.throwIfAny();
        return policies;
    }

    /** Reads what it can, adding each problem to {@code problems}; the result holds only the valid policies. */
    public static SlaPolicies read(JsonNode section, Calendars calendars, FieldProblems problems) {
        if (section.isMissingNode() || section.isNull()) {
            return SlaPolicies.NONE;
        }
        if (!section.isArray()) {
            problems.add("must be an array of policies, the first matching a ticket applies");
            return SlaPolicies.NONE;
        }
        Set<String> names = new HashSet<>();
        return new SlaPolicies(problems.validItems(section, "name", (node, at) -> policy(node, at, names,
                calendars)));
    }

    private static SlaPolicy policy(JsonNode node, FieldProblems at, Set<String> names, Calendars calendars) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, POLICY_FIELDS);
        JsonNode name = node.path("name");
        if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
            at.field("name").add("is required: a name of at most 100 characters");
        } else if (!names.add(name.asText().strip())) {
            at.field("name").add("is used by another policy");
        }
        SlaConditions when = conditions(node.path("when"), at.field("when"));
        BusinessCalendar calendar = calendar(node.path("calendar"), at.field("calendar"), calendars,
                BusinessCalendar.CALENDAR_TIME);
        Map<SlaMetric, MetricPolicy> metrics = metrics(node.path("metrics"), at.field("metrics"), calendars,
                calendar);
        return new SlaPolicy(name.asText().strip(), when, metrics);
    }

    /** The {@code when} of a policy (SLA or escalation): which tickets it applies to. */
    public static SlaConditions conditions(JsonNode node, FieldProblems at) {
        if (node.isMissingNode() || node.isNull()) {
            return SlaConditions.ANY;
        }
        if (!at.requireObject(node)) {
            return SlaConditions.ANY;
        }
        at.rejectUnknown(node, CONDITION_FIELDS);
        return new SlaConditions(
                values(node.path("plan"), at.field("plan"), Function.identity()),
                values(node.path("priority"), at.field("priority"), code -> Codes.parse(Priority.class, code)),
                values(node.path("channel"), at.field("channel"), code -> Codes.parse(Channel.class, code)),
                values(node.path("category"), at.field("category"), Function.identity()),
                values(node.path("team"), at.field("team"), Function.identity()),
                values(node.path("customerId"), at.field("customerId"), Function.identity()));
    }

    /** A condition: a non-empty array of accepted values, any of which matches. */
    private static <T> Set<T> values(JsonNode node, FieldProblems at, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        if (node.isMissingNode()) {
            return values;
        }
        if (!node.isArray() || node.isEmpty()) {
            at.add("must be a non-empty array of accepted values; leave it out to accept any");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                at.index(i).add("must be a non-blank string");
                continue;
            }
            try {
                values.add(parse.apply(item.asText().strip()));
            } catch (IllegalArgumentException e) {
                at.index(i).add(e.getMessage());
            }
        }
        return values;
    }

    private static BusinessCalendar calendar(JsonNode node, FieldProblems at, Calendars calendars,
                                             BusinessCalendar inherited) {
        if (node.isMissingNode()) {
            return inherited;
        }
        BusinessCalendar calendar = node.isTextual() ? calendars.find(node.asText()).orElse(null) : null;
        if (calendar == null) {
            List<String> known = new ArrayList<>(calendars.byId().keySet());
            known.add(BusinessCalendar.CALENDAR_TIME_ID);
            at.add("must name a calendar of the calendars section: one of " + String.join(", ", known));
        }
        return calendar;
    }

    private static Map<SlaMetric, MetricPolicy> metrics(JsonNode node, FieldProblems at, Calendars calendars,
                                                        BusinessCalendar inherited) {
        Map<SlaMetric, MetricPolicy> metrics = new EnumMap<>(SlaMetric.class);
        if (!at.requireObject(node)) {
            return metrics;
        }
        at.rejectUnknown(node, METRIC_KEYS);
        for (SlaMetric metric : SlaMetric.values()) {
            JsonNode metricNode = node.path(metric.key());
            if (!metricNode.isMissingNode()) {
                MetricPolicy policy = metric(metric, metricNode, at.field(metric.key()), calendars, inherited);
                if (policy != null) {
                    metrics.put(metric, policy);
                }
            }
        }
        if (metrics.isEmpty() && node.size() == 0) {
            at.add("must set at least one of " + String.join(", ", METRIC_KEYS.stream().sorted().toList()));
        }
        return metrics;
    }

    private static MetricPolicy metric(SlaMetric metric, JsonNode node, FieldProblems at, Calendars calendars,
                                       BusinessCalendar inherited) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, METRIC_FIELDS);
        int before = at.count();
        BusinessCalendar calendar = calendar(node.path("calendar"), at.field("calendar"), calendars, inherited);
        Map<Priority, SlaTarget> targets = targets(node, at, calendars, calendar);
        List<Integer> warnings = warnings(node.path("warnAt"), at.field("warnAt"));
        Set<Status> pausedIn = pausedIn(node.path("pausedIn"), at.field("pausedIn"), metric);
        return at.count() > before ? null : new MetricPolicy(metric, targets, warnings, pausedIn);
    }

    /** Either one {@code target} for every priority or {@code targets} per priority (a missing one: no clock). */
    private static Map<Priority, SlaTarget> targets(JsonNode metric, FieldProblems at, Calendars calendars,
                                                    BusinessCalendar calendar) {
        Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
        JsonNode one = metric.path("target");
        JsonNode perPriority = metric.path("targets");
        if (one.isMissingNode() == perPriority.isMissingNode()) {
            at.add("must set either target (every priority) or targets (per priority)");
            return targets;
        }
        if (!one.isMissingNode()) {
            SlaTarget target = target(one, at.field("target"), calendars, calendar);
            for (Priority priority : Priority.values()) {
                targets.put(priority, target);
            }
            return targets;
        }
        FieldProblems targetsAt = at.field("targets");
        if (!targetsAt.requireObject(perPriority)) {
            return targets;
        }
        targetsAt.rejectUnknown(perPriority, PRIORITY_KEYS);
        for (Priority priority : Priority.values()) {
            JsonNode node = perPriority.path(priority.code());
            if (!node.isMissingNode()) {
                targets.put(priority, target(node, targetsAt.field(priority.code()), calendars, calendar));
            }
        }
        if (perPriority.isEmpty()) {
            targetsAt.add("must set a target for at least one of " + String.join(", ", Codes.allowed(Priority.class)));
        }
        return targets;
    }

    /** "4h", or {"within": "4h", "calendar": "24x7"} to count this priority's target in another calendar. */
    private static SlaTarget target(JsonNode node, FieldProblems at, Calendars calendars, BusinessCalendar inherited) {
        JsonNode within = node;
        BusinessCalendar calendar = inherited;
        FieldProblems withinAt = at;
        if (node.isObject()) {
            at.rejectUnknown(node, TARGET_FIELDS);
            within = node.path("within");
            withinAt = at.field("within");
            calendar = calendar(node.path("calendar"), at.field("calendar"), calendars, inherited);
        }
        if (!within.isTextual()) {
            withinAt.add("must be a duration such as 30m, 4h, 1h30m or 3d");
            return null;
        }
        try {
            Duration duration = DurationText.parse(within.asText());
            if (calendar != null && !calendar.isCalendarTime() && DurationText.usesDays(within.asText())) {
                withinAt.add("days are ambiguous in business time (a working day is not 24 hours): give hours, "
                        + "e.g. 24h for three 8-hour working days");
                return null;
            }
            return calendar == null ? null : new SlaTarget(duration, calendar);
        } catch (IllegalArgumentException e) {
            withinAt.add(e.getMessage());
            return null;
        }
    }

    private static List<Integer> warnings(JsonNode node, FieldProblems at) {
        if (node.isMissingNode()) {
            return MetricPolicy.DEFAULT_WARNINGS;
        }
        List<Integer> percents = new ArrayList<>();
        if (!node.isArray()) {
            at.add("must be an array of percentages of the target, e.g. [50, 75]; [] for no warning");
            return percents;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            int previous = percents.isEmpty() ? 0 : percents.get(percents.size() - 1);
            if (!item.canConvertToExactIntegral() || item.asInt() < 1 || item.asInt() > 99) {
                at.index(i).add("must be a whole percentage from 1 to 99 (100 is the breach)");
            } else if (item.asInt() <= previous) {
                at.index(i).add("must be greater than the warning before it");
            } else {
                percents.add(item.asInt());
            }
        }
        return percents;
    }

    private static Set<Status> pausedIn(JsonNode node, FieldProblems at, SlaMetric metric) {
        if (node.isMissingNode()) {
            return metric.defaultPausedIn();
        }
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (!node.isArray()) {
            at.add("must be an array of statuses, e.g. [\"pending\", \"on-hold\"]; [] to never pause");
            return statuses;
        }
        String allowed = PAUSABLE.stream().map(Status::code).collect(Collectors.joining(", "));
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            try {
                Status status = Codes.parse(Status.class, item.isTextual() ? item.asText() : null);
                if (!PAUSABLE.contains(status)) {
                    throw new IllegalArgumentException("cannot pause a clock: only " + allowed + " can");
                }
                statuses.add(status);
            } catch (IllegalArgumentException e) {
                at.index(i).add(e.getMessage().startsWith("must") ? "must be one of " + allowed : e.getMessage());
            }
        }
        return statuses;
    }

    private static Set<Status> pausable() {
        Set<Status> statuses = EnumSet.allOf(Status.class);
        statuses.removeAll(EnumSet.of(Status.NEW, Status.OPEN));
        statuses.removeAll(TicketCourse.DONE);
        return statuses;
    }
}
