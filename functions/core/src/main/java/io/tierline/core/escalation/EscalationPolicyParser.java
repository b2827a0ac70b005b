package io.tierline.core.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.calendar.FieldProblems;
import io.tierline.core.sla.DurationText;
import io.tierline.core.sla.SlaConditions;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.sla.SlaPolicyParser;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the policy document's {@code directory} and {@code escalationPolicies} sections (README "Escalation
 * policies" has a worked example). Every problem is reported with its path, e.g.
 * {@code escalationPolicies[standard].levels[2].targets[0].person: no person "bob" in the directory}.
 */
public final class EscalationPolicyParser {
    public static final String POLICIES = "escalationPolicies";
    public static final String DIRECTORY = "directory";
    public static final String REQUESTS = "escalationRequests";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Map<String, LevelAction> ACTIONS = Map.of("reassign", LevelAction.REASSIGN,
            "raiseTier", LevelAction.RAISE_TIER, "raisePriority", LevelAction.RAISE_PRIORITY,
            "addWatchers", LevelAction.ADD_WATCHERS, "notify", LevelAction.NOTIFY);
    private static final Map<String, SlaMetric> METRICS = Arrays.stream(SlaMetric.values())
            .collect(Collectors.toMap(SlaMetric::key, Function.identity()));
    private static final int MAX_REPEATS = 20;

    private EscalationPolicyParser() {
    }

    /** The three sections; problems are added to the section's {@link FieldProblems}. */
    public static EscalationPolicies read(JsonNode document, Calendars calendars, FieldProblems directoryAt,
                                          FieldProblems policiesAt, FieldProblems requestsAt) {
        Directory directory = directory(document.path(DIRECTORY), calendars, directoryAt);
        EscalationRequests requests = requests(document.path(REQUESTS), requestsAt);
        JsonNode section = document.path(POLICIES);
        if (section.isMissingNode() || section.isNull()) {
            return new EscalationPolicies(List.of(), directory, requests);
        }
        if (!section.isArray()) {
            policiesAt.add("must be an array of policies, the first matching a ticket applies");
            return new EscalationPolicies(List.of(), directory, requests);
        }
        Set<String> names = new HashSet<>();
        return new EscalationPolicies(policiesAt.validItems(section, "name", (node, at) -> policy(node, at, names,
                directory)), directory, requests);
    }

    private static EscalationRequests requests(JsonNode node, FieldProblems at) {
        if (node.isMissingNode() || node.isNull() || !at.requireObject(node)) {
            return EscalationRequests.DEFAULT;
        }
        at.rejectUnknown(node, Set.of("notifyAgainAfter"));
        Duration again = optionalDuration(node.path("notifyAgainAfter"), at.field("notifyAgainAfter"));
        return again == null ? EscalationRequests.DEFAULT : new EscalationRequests(again);
    }

    private static EscalationPolicy policy(JsonNode node, FieldProblems at, Set<String> names, Directory directory) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, Set.of("name", "when", "levels", "acknowledgementTimeout"));
        String name = node.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            at.field("name").add("is required: a name of at most 100 characters");
        } else if (!names.add(name)) {
            at.field("name").add("is used by another policy");
        }
        SlaConditions when = SlaPolicyParser.conditions(node.path("when"), at.field("when"));
        Duration ackTimeout = optionalDuration(node.path("acknowledgementTimeout"), at.field("acknowledgementTimeout"));
        JsonNode levelsNode = node.path("levels");
        List<EscalationLevel> levels = new ArrayList<>();
        if (!levelsNode.isArray() || levelsNode.isEmpty()) {
            at.field("levels").add("is required: a non-empty array of levels, in order");
        } else {
            for (int i = 0; i < levelsNode.size(); i++) {
                EscalationLevel level = level(i + 1, levelsNode.get(i), at.field("levels").index(i), directory);
                if (level != null) {
                    levels.add(level);
                }
            }
        }
        return new EscalationPolicy(name, when, levels, ackTimeout);
    }

    private static EscalationLevel level(int number, JsonNode node, FieldProblems at, Directory directory) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, Set.of("trigger", "targets", "actions", "repeat", "urgent", "tellCustomer"));
        Trigger trigger = trigger(node.path("trigger"), at.field("trigger"));
        List<Target> targets = new ArrayList<>();
        JsonNode targetsNode = node.path("targets");
        if (!targetsNode.isMissingNode() && !targetsNode.isArray()) {
            at.field("targets").add("must be an array of targets");
        } else if (targetsNode.isArray()) {
            for (int i = 0; i < targetsNode.size(); i++) {
                Target target = target(targetsNode.get(i), at.field("targets").index(i), directory);
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        Set<LevelAction> actions = EnumSet.noneOf(LevelAction.class);
        JsonNode actionsNode = node.path("actions");
        if (!actionsNode.isArray() || actionsNode.isEmpty()) {
            at.field("actions").add("is required: a non-empty array of " + String.join(", ", ACTIONS.keySet()
                    .stream().sorted().toList()));
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                LevelAction action = ACTIONS.get(actionsNode.get(i).asText(""));
                if (action == null) {
                    at.field("actions").index(i).add("must be one of " + String.join(", ", ACTIONS.keySet()
                            .stream().sorted().toList()));
                } else {
                    actions.add(action);
                }
            }
        }
        boolean needsPeople = actions.contains(LevelAction.NOTIFY) || actions.contains(LevelAction.ADD_WATCHERS);
        if (needsPeople && targets.stream().allMatch(t -> t.kind() == Target.Kind.TIER)) {
            at.field("targets").add("must name at least one person, role, team or rota to notify or add as watcher");
        }
        Duration every = null;
        int times = 0;
        JsonNode repeat = node.path("repeat");
        if (!repeat.isMissingNode()) {
            FieldProblems repeatAt = at.field("repeat");
            if (repeatAt.requireObject(repeat)) {
                repeatAt.rejectUnknown(repeat, Set.of("every", "times"));
                every = optionalDuration(repeat.path("every"), repeatAt.field("every"));
                if (every == null) {
                    repeatAt.field("every").add("is required: how long between reminders, e.g. 15m");
                }
                JsonNode timesNode = repeat.path("times");
                if (!timesNode.canConvertToExactIntegral() || timesNode.asInt() < 1 || timesNode.asInt() > MAX_REPEATS) {
                    repeatAt.field("times").add("must be a whole number of reminders from 1 to " + MAX_REPEATS);
                } else {
                    times = timesNode.asInt();
                }
            }
        }
        JsonNode urgentNode = node.path("urgent");
        boolean urgent = trigger != null && trigger.kind() == Trigger.Kind.SLA_BREACH;
        if (!urgentNode.isMissingNode()) {
            if (!urgentNode.isBoolean()) {
                at.field("urgent").add("must be true or false");
            }
            urgent = urgentNode.asBoolean();
        }
        JsonNode tellNode = node.path("tellCustomer");
        if (!tellNode.isMissingNode() && !tellNode.isBoolean()) {
            at.field("tellCustomer").add("must be true or false");
        }
        return new EscalationLevel(number, trigger, targets, actions, every, times, urgent,
                tellNode.isBoolean() ? tellNode.asBoolean() : null);
    }

    private static Trigger trigger(JsonNode node, FieldProblems at) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, Set.of("warning", "breach", "after"));
        if (node.size() != 1) {
            at.add("must have exactly one of warning, breach (an SLA metric or \"any\") or after (a delay)");
            return null;
        }
        if (node.has("after")) {
            Duration delay = optionalDuration(node.path("after"), at.field("after"));
            return delay == null ? null : Trigger.after(delay);
        }
        boolean breach = node.has("breach");
        String field = breach ? "breach" : "warning";
        String metric = node.path(field).asText("");
        if (metric.equals("any")) {
            return Trigger.sla(breach, null);
        }
        if (!METRICS.containsKey(metric)) {
            at.field(field).add("must be an SLA metric (" + String.join(", ", METRICS.keySet().stream().sorted()
                    .toList()) + ") or \"any\"");
            return null;
        }
        return Trigger.sla(breach, METRICS.get(metric));
    }

    private static Target target(JsonNode node, FieldProblems at, Directory directory) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, Set.of("tier", "team", "role", "person", "onCall"));
        if (node.size() != 1) {
            at.add("must have exactly one of tier, team, role, person or onCall");
            return null;
        }
        if (node.has("tier")) {
            JsonNode tier = node.path("tier");
            if (!tier.canConvertToExactIntegral() || tier.asInt() < 0 || tier.asInt() > 3) {
                at.field("tier").add("must be a tier from 0 to 3");
                return null;
            }
            return new Target(Target.Kind.TIER, Integer.toString(Tier.of(tier.asInt()).number()));
        }
        if (node.has("role")) {
            String role = node.path("role").asText("");
            if (!Set.of(Target.SUPERVISOR, Target.MANAGER, "assignee").contains(role)) {
                at.field("role").add("must be supervisor, manager (of the ticket's team) or assignee");
                return null;
            }
            return role.equals("assignee") ? new Target(Target.Kind.ASSIGNEE, null) : new Target(Target.Kind.ROLE, role);
        }
        if (node.has("team")) {
            String team = node.path("team").asText("");
            if (!ID.matcher(team).matches()) {
                at.field("team").add("must be a team code such as billing");
                return null;
            }
            return new Target(Target.Kind.TEAM, team);
        }
        if (node.has("person")) {
            String person = node.path("person").asText("");
            if (directory.person(person).isEmpty()) {
                at.field("person").add("no person \"" + person + "\" in the directory");
                return null;
            }
            return new Target(Target.Kind.PERSON, person);
        }
        String rota = node.path("onCall").asText("");
        if (!directory.rotas().containsKey(rota)) {
            at.field("onCall").add("no rota \"" + rota + "\" in the directory");
            return null;
        }
        return new Target(Target.Kind.ON_CALL, rota);
    }

    private static Directory directory(JsonNode node, Calendars calendars, FieldProblems at) {
        if (node.isMissingNode() || node.isNull()) {
            return Directory.EMPTY;
        }
        if (!at.requireObject(node)) {
            return Directory.EMPTY;
        }
        at.rejectUnknown(node, Set.of("people", "teams", "rotas"));
        Map<String, Person> people = new LinkedHashMap<>();
        each(node.path("people"), at.field("people"), "id", (item, itemAt) -> {
            itemAt.rejectUnknown(item, Set.of("id", "name", "email", "slack", "webhook", "workingHours"));
            String id = id(item, "id", itemAt);
            String email = item.path("email").asText(null);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                itemAt.field("email").add("must be an email address");
            }
            String slack = url(item, "slack", itemAt);
            String webhook = url(item, "webhook", itemAt);
            BusinessCalendar hours = null;
            if (item.has("workingHours")) {
                hours = calendars.find(item.path("workingHours").asText("")).orElse(null);
                if (hours == null) {
                    itemAt.field("workingHours").add("must name a calendar of the calendars section");
                }
            }
            if (id != null && people.put(id, new Person(id, item.path("name").asText(id), email, slack, webhook,
                    hours)) != null) {
                itemAt.field("id").add("is used by another person");
            }
        });
        Map<String, TeamContacts> teams = new HashMap<>();
        each(node.path("teams"), at.field("teams"), "name", (item, itemAt) -> {
            itemAt.rejectUnknown(item, Set.of("name", "supervisor", "manager", "slack"));
            String name = id(item, "name", itemAt);
            String supervisor = knownPerson(item, "supervisor", people, itemAt);
            String manager = knownPerson(item, "manager", people, itemAt);
            if (name != null) {
                teams.put(name, new TeamContacts(name, supervisor, manager, url(item, "slack", itemAt)));
            }
        });
        Map<String, Rota> rotas = new HashMap<>();
        each(node.path("rotas"), at.field("rotas"), "name", (item, itemAt) -> {
            itemAt.rejectUnknown(item, Set.of("name", "people", "start", "shift"));
            String name = id(item, "name", itemAt);
            List<String> members = new ArrayList<>();
            JsonNode list = item.path("people");
            if (!list.isArray() || list.isEmpty()) {
                itemAt.field("people").add("is required: the people taking turns, in order");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String id = list.get(i).asText("");
                    if (!people.containsKey(id)) {
                        itemAt.field("people").index(i).add("no person \"" + id + "\" in the directory");
                    }
                    members.add(id);
                }
            }
            Instant start = null;
            try {
                start = Instant.parse(item.path("start").asText(""));
            } catch (DateTimeParseException e) {
                itemAt.field("start").add("is required: when the first turn starts, e.g. 2026-01-05T09:00:00Z");
            }
            Duration shift = optionalDuration(item.path("shift"), itemAt.field("shift"));
            if (shift == null) {
                itemAt.field("shift").add("is required: how long each turn lasts, e.g. 7d");
            }
            if (name != null && start != null && shift != null && !members.isEmpty()) {
                rotas.put(name, new Rota(name, members, start, shift));
            }
        });
        return new Directory(people, teams, rotas);
    }

    private interface ItemReader {
        void read(JsonNode item, FieldProblems at);
    }

    private static void each(JsonNode list, FieldProblems at, String nameField, ItemReader reader) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            at.add("must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            FieldProblems itemAt = at.item(i, list.get(i), nameField);
            if (itemAt.requireObject(list.get(i))) {
                reader.read(list.get(i), itemAt);
            }
        }
    }

    private static String id(JsonNode item, String field, FieldProblems at) {
        String id = item.path(field).asText("");
        if (!ID.matcher(id).matches()) {
            at.field(field).add("is required: lower-case letters, digits, '.', '_' or '-'");
            return null;
        }
        return id;
    }

    private static String knownPerson(JsonNode item, String field, Map<String, Person> people, FieldProblems at) {
        if (!item.has(field)) {
            return null;
        }
        String id = item.path(field).asText("");
        if (!people.containsKey(id)) {
            at.field(field).add("no person \"" + id + "\" in the directory");
            return null;
        }
        return id;
    }

    private static String url(JsonNode item, String field, FieldProblems at) {
        if (!item.has(field)) {
            return null;
        }
        String url = item.path(field).asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            at.field(field).add("must be an http(s) URL");
            return null;
        }
        return url;
    }

    private static Duration optionalDuration(JsonNode node, FieldProblems at) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return DurationText.parse(node.asText());
        } catch (IllegalArgumentException e) {
            at.add(e.getMessage());
            return null;
        }
    }
}
