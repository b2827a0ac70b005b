package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.escalation.Directory;
import io.tierline.core.escalation.Person;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Tier;
import io.tierline.core.validation.DocumentProblems;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads automatic assignment from the policy document: each directory person's teams, skills, languages, tiers and
 * capacity (their working hours are the directory's, already resolved), and the {@code assignment} section's rule
 * per team. The schema checks shapes; here only what it cannot say: a person's team and a rule's team are teams of
 * the directory, and each team has one rule, e.g. {@code directory.people[3].teams[0]: no team "bilING" ...}.
 */
public final class StaffingParser {
    public static final String SECTION = "assignment";

    private StaffingParser() {
    }

    public static Staffing read(JsonNode document, Directory directory, DocumentProblems problems) {
        Set<String> teams = directory.teams().keySet();
        Map<PersonId, Agent> agents = new LinkedHashMap<>();
        JsonNode people = document.path("directory").path("people");
        JsonPointer peopleAt = JsonPointer.compile("/directory/people");
        for (int i = 0; people.isArray() && i < people.size(); i++) {
            JsonNode item = people.get(i);
            JsonPointer at = peopleAt.appendIndex(i);
            Person person = directory.people().get(item.path("id").asText(null));
            if (person == null) {
                continue; // the directory reported it
            }
            JsonNode teamList = item.path("teams");
            for (int t = 0; problems.sound(at.appendProperty("teams")) && t < teamList.size(); t++) {
                if (!teams.contains(teamList.get(t).asText())) {
                    problems.add(at.appendProperty("teams").appendIndex(t), "no team \"" + teamList.get(t).asText()
                            + "\" in the directory");
                }
            }
            if (!problems.sound(at)) {
                continue;
            }
            Set<TeamName> own = strings(teamList, TeamName::new);
            Set<Tier> tiers = strings(item.path("tiers"), text -> Tier.of(Integer.parseInt(text)));
            agents.put(new PersonId(person.id()), new Agent(new PersonId(person.id()),
                    new Agent.Placement(own, tiers), new Agent.Competence(strings(item.path("skills"), Skill::new),
                    strings(item.path("languages"), Function.identity())), capacity(item.path("capacity")),
                    person.workingHours()));
        }
        Map<TeamName, AssignmentRule> rules = new HashMap<>();
        JsonNode list = document.path(SECTION).path("teams");
        JsonPointer rulesAt = JsonPointer.compile("/" + SECTION + "/teams");
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonPointer at = rulesAt.appendIndex(i);
            JsonNode item = list.get(i);
            String team = item.path("team").asText();
            if (problems.sound(at.appendProperty("team")) && !teams.contains(team)) {
                problems.add(at.appendProperty("team"), "no team \"" + team + "\" in the directory");
            }
            if (!problems.sound(at)) {
                continue;
            }
            Set<SkillSource> sources = EnumSet.noneOf(SkillSource.class);
            item.path("skillsFrom").forEach(s -> sources.add(Codes.parse(SkillSource.class, s.asText())));
            AssignmentRule rule = new AssignmentRule(new TeamName(team), Codes.parse(AssignmentMode.class,
                    item.get("mode").asText()), sources, item.path("urgentMayExceedCapacity").asBoolean(false));
            if (rules.put(rule.team(), rule) != null) {
                problems.add(at.appendProperty("team"), "has another rule above; one rule per team");
            }
        }
        return new Staffing(agents, rules);
    }

    private static Capacity capacity(JsonNode node) {
        if (node.isMissingNode()) {
            return Capacity.DEFAULT;
        }
        if (node.isInt()) {
            return Capacity.of(node.asInt());
        }
        Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
        node.path("byPriority").fields().forEachRemaining(e -> byPriority.put(Codes.parse(Priority.class, e.getKey()),
                e.getValue().asInt()));
        return new Capacity(node.path("open").asInt(), byPriority);
    }

    private static <T> Set<T> strings(JsonNode list, Function<String, T> parse) {
        Set<T> out = new HashSet<>();
        list.forEach(item -> out.add(parse.apply(item.asText())));
        return out;
    }
}
