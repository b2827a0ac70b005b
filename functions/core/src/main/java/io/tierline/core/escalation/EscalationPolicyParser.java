package io.tierline.core.escalation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.sla.DurationText;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.sla.SlaPolicyParser;
import io.tierline.core.ticket.Tier;
import io.tierline.core.validation.DocumentProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import java.util.stream.Collectors;

/**
 * Reads the policy document's {@code directory}, {@code escalationPolicies} and {@code escalationRequests} sections
 * (README "Escalation policies" has a worked example). Their shape is the schema's; here only what a schema cannot
 * say: the people, rotas and calendars named exist, ids and names are unique, durations are at most 366 days, and a
 * level that notifies or adds watchers names someone who can be found, e.g.
 * {@code escalationPolicies[standard].levels[2].targets[0].person: no person "bob" in the directory}.
 */
public final class EscalationPolicyParser {
    public static final String POLICIES = "escalationPolicies";
    public static final String DIRECTORY = "directory";
    public static final String REQUESTS = "escalationRequests";
    private static final Map<String, LevelAction> ACTIONS = Map.of("reassign", LevelAction.REASSIGN,
            "raiseTier", LevelAction.RAISE_TIER, "raisePriority", LevelAction.RAISE_PRIORITY,
            "addWatchers", LevelAction.ADD_WATCHERS, "notify", LevelAction.NOTIFY);
    private static final Set<String> NEED_PEOPLE = Set.of("notify", "addWatchers");
    private static final Map<String, SlaMetric> METRICS = Arrays.stream(SlaMetric.values())
            .collect(Collectors.toMap(SlaMetric::key, Function.identity()));

    private EscalationPolicyParser() {
    }

    /** The three sections of {@code document}; what the schema cannot see is added to {@code problems}. */
    public static EscalationPolicies read(JsonNode document, Calendars calendars, DocumentProblems problems) {
        JsonPointer directoryAt = JsonPointer.compile("/" + DIRECTORY);
        Directory directory = directory(document.path(DIRECTORY), directoryAt, calendars, problems);
        Duration again = DurationText.read(document.path(REQUESTS).path("notifyAgainAfter"),
                JsonPointer.compile("/" + REQUESTS + "/notifyAgainAfter"), problems);
        List<EscalationPolicy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode section = document.path(POLICIES);
        for (int i = 0; section.isArray() && i < section.size(); i++) {
            JsonPointer at = JsonPointer.compile("/" + POLICIES).appendIndex(i);
            EscalationPolicy policy = policy(section.get(i), at, names, directory, problems);
            if (problems.sound(at)) {
                policies.add(policy);
            }
        }
        return new EscalationPolicies(policies, directory,
                again == null ? EscalationRequests.DEFAULT : new EscalationRequests(again));
    }

    private static EscalationPolicy policy(JsonNode node, JsonPointer at, Set<String> names, Directory directory,
                                           DocumentProblems problems) {
        if (!node.isObject()) {
            return null;
        }
        String name = node.path("name").asText().strip();
        if (problems.sound(at.appendProperty("name")) && !names.add(name)) {
            problems.add(at.appendProperty("name"), "is used by another policy");
        }
        Duration ackTimeout = DurationText.read(node.path("acknowledgementTimeout"),
                at.appendProperty("acknowledgementTimeout"), problems);
        List<EscalationLevel> levels = new ArrayList<>();
        JsonNode levelNodes = node.path("levels");
        for (int i = 0; levelNodes.isArray() && i < levelNodes.size(); i++) {
            if (levelNodes.get(i).isObject()) {
                levels.add(level(i + 1, levelNodes.get(i), at.appendProperty("levels").appendIndex(i), directory,
                        problems));
            }
        }
        return problems.sound(at) ? new EscalationPolicy(name, SlaPolicyParser.conditions(node.path("when")), levels,
                ackTimeout) : null;
    }

    private static EscalationLevel level(int number, JsonNode node, JsonPointer at, Directory directory,
                                         DocumentProblems problems) {
        Trigger trigger = trigger(node.path("trigger"), at.appendProperty("trigger"), problems);
        List<Target> targets = new ArrayList<>();
        JsonNode targetNodes = node.path("targets");
        for (int i = 0; targetNodes.isArray() && i < targetNodes.size(); i++) {
            JsonPointer targetAt = at.appendProperty("targets").appendIndex(i);
            Target target = target(targetNodes.get(i), targetAt, directory, problems);
            if (problems.sound(targetAt)) {
                targets.add(target);
            }
        }
        boolean needsPeople = false;
        for (JsonNode action : node.path("actions")) {
            needsPeople |= NEED_PEOPLE.contains(action.asText());
        }
        boolean targetsReadable = targetNodes.isArray() || targetNodes.isMissingNode(); // else the schema said so
        if (needsPeople && targetsReadable && targets.stream().allMatch(Target.ToTier.class::isInstance)) {
            problems.add(at.appendProperty("targets"),
                    "must name at least one person, role, team or rota to notify or add as watcher");
        }
        Duration every = DurationText.read(node.path("repeat").path("every"),
                at.appendProperty("repeat").appendProperty("every"), problems);
        if (!problems.sound(at)) {
            return null;
        }
        Set<LevelAction> actions = EnumSet.noneOf(LevelAction.class);
        node.path("actions").forEach(action -> actions.add(ACTIONS.get(action.asText())));
        boolean urgent = node.path("urgent").asBoolean(trigger.kind() == Trigger.Kind.SLA_BREACH);
        Boolean tellCustomer = node.has("tellCustomer") ? node.get("tellCustomer").asBoolean() : null;
        return new EscalationLevel(number, trigger, targets, actions, every, node.path("repeat").path("times").asInt(),
                urgent, tellCustomer);
    }

    private static Trigger trigger(JsonNode node, JsonPointer at, DocumentProblems problems) {
        if (node.has("after")) {
            Duration delay = DurationText.read(node.get("after"), at.appendProperty("after"), problems);
            return delay == null ? null : Trigger.after(delay);
        }
        boolean breach = node.has("breach");
        String metric = node.path(breach ? "breach" : "warning").asText();
        return Trigger.sla(breach, METRICS.get(metric)); // null for "any"
    }

    private static Target target(JsonNode node, JsonPointer at, Directory directory, DocumentProblems problems) {
        if (!problems.sound(at)) {
            return null;
        }
        String kind = node.fieldNames().next();
        String value = node.get(kind).asText();
        return switch (kind) {
            case "tier" -> new Target.ToTier(Tier.of(node.get(kind).asInt()));
            case "role" -> value.equals("assignee") ? new Target.ToAssignee()
                    : new Target.ToRole(Codes.parse(Seniority.class, value));
            case "team" -> new Target.ToTeam(new TeamName(value));
            case "person" -> {
                knownPerson(node, kind, directory.people(), at, problems);
                yield new Target.ToPerson(new PersonId(value));
            }
            default -> {
                if (!directory.rotas().containsKey(value)) {
                    problems.add(at.appendProperty(kind), "no rota \"" + value + "\" in the directory");
                }
                yield new Target.OnCall(value);
            }
        };
    }

    /**
     * The directory as declared: every person, team and rota whose id is sound, so that a mistake in one person's
     * email does not also make every reference to that person an error.
     */
    private static Directory directory(JsonNode node, JsonPointer at, Calendars calendars, DocumentProblems problems) {
        Map<String, Person> people = new LinkedHashMap<>();
        each(node.path("people"), at.appendProperty("people"), "id", problems, (item, itemAt, id) -> {
            BusinessCalendar hours = null;
            if (item.has("workingHours") && problems.sound(itemAt.appendProperty("workingHours"))) {
                hours = calendars.find(item.get("workingHours").asText()).orElse(null);
                if (hours == null) {
                    problems.add(itemAt.appendProperty("workingHours"), calendars.unknownReference());
                }
            }
            if (people.put(id, new Person(id, item.path("name").asText(id), item.path("email").asText(null),
                    item.path("slack").asText(null), item.path("webhook").asText(null), hours)) != null) {
                problems.add(itemAt.appendProperty("id"), "is used by another person");
            }
        });
        Map<String, TeamContacts> teams = new HashMap<>();
        each(node.path("teams"), at.appendProperty("teams"), "name", problems, (item, itemAt, name) -> {
            knownPerson(item, "supervisor", people, itemAt, problems);
            knownPerson(item, "manager", people, itemAt, problems);
            teams.put(name, new TeamContacts(name, item.path("supervisor").asText(null),
                    item.path("manager").asText(null), item.path("slack").asText(null)));
        });
        Map<String, Rota> rotas = new HashMap<>();
        each(node.path("rotas"), at.appendProperty("rotas"), "name", problems, (item, itemAt, name) -> {
            List<String> members = new ArrayList<>();
            JsonNode list = item.path("people");
            for (int i = 0; list.isArray() && i < list.size(); i++) {
                knownPerson(list, i, people, itemAt.appendProperty("people"), problems);
                members.add(list.get(i).asText());
            }
            Duration shift = DurationText.read(item.path("shift"), itemAt.appendProperty("shift"), problems);
            Instant start = problems.sound(itemAt.appendProperty("start"))
                    ? OffsetDateTime.parse(item.path("start").asText()).toInstant() : null;
            rotas.put(name, new Rota(name, members, start == null ? Instant.EPOCH : start,
                    shift == null ? Duration.ofDays(7) : shift));
        });
        return new Directory(people, teams, rotas);
    }

    private interface ItemReader {
        void read(JsonNode item, JsonPointer at, String id);
    }

    /** Each object of {@code list} whose {@code idField} is sound. */
    private static void each(JsonNode list, JsonPointer at, String idField, DocumentProblems problems,
                             ItemReader reader) {
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonPointer itemAt = at.appendIndex(i);
            if (list.get(i).isObject() && problems.sound(itemAt.appendProperty(idField))) {
                reader.read(list.get(i), itemAt, list.get(i).get(idField).asText());
            }
        }
    }

    /** The one check of a reference to a person: a team's supervisor or manager, a rota's member, a target. */
    private static void knownPerson(JsonNode parent, Object key, Map<String, Person> people, JsonPointer parentAt,
                                    DocumentProblems problems) {
        JsonNode id = key instanceof Integer index ? parent.get(index) : parent.get((String) key);
        JsonPointer at = key instanceof Integer index ? parentAt.appendIndex(index)
                : parentAt.appendProperty((String) key);
        if (id != null && problems.sound(at) && !people.containsKey(id.asText())) {
            problems.add(at, "no person \"" + id.asText() + "\" in the directory");
        }
    }
}
