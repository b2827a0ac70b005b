package io.tierline.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Tier;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.local.ProjectRoot;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffingParserTest {

    @Test
    void peopleAndRulesReadAsWritten() {
        Staffing staffing = RoutingFixtures.POLICIES.staffing();
        Agent olga = staffing.agent(new PersonId("olga")).orElseThrow();
        assertEquals(Set.of(new TeamName("billing")), olga.placement().teams());
        assertEquals(Set.of(Tier.of(1)), olga.placement().tiers());
        assertEquals(Set.of(new Skill("billing"), new Skill("invoices")), olga.competence().skills());
        assertEquals(Set.of("en", "de"), olga.competence().languages());
        assertEquals(3, olga.capacity().limitFor(Priority.NORMAL));
        assertEquals(4, olga.capacity().limitFor(Priority.URGENT));
        assertEquals("berlin-office", olga.hours().id());
        AssignmentRule billing = staffing.rule(new TeamName("billing"));
        assertEquals(new AssignmentRule(new TeamName("billing"), AssignmentMode.SKILLS, Set.of(SkillSource.CATEGORY,
                SkillSource.TAGS, SkillSource.LANGUAGE, SkillSource.PRODUCT), true), billing);
        assertEquals(AssignmentMode.ROUND_ROBIN, staffing.rule(new TeamName("service-desk")).mode());
        assertEquals(Capacity.DEFAULT, staffing.agent(new PersonId("alice")).orElseThrow().capacity());
    }

    @Test
    void aBadAssignmentSectionIsRefusedWithEveryProblemNamedByItsPath() throws Exception {
        ObjectNode doc = (ObjectNode) Json.parse(Files.readString(
                ProjectRoot.find().resolve("docs/examples/assignment-policy.json")));
        ObjectNode greta = (ObjectNode) doc.get("directory").get("people").get(6);
        assertEquals("greta", greta.get("id").asText());
        greta.set("teams", Json.parse("[\"billing\", \"nowhere\"]"));
        greta.set("skills", Json.parse("[\"Billing Stuff\"]"));
        greta.set("languages", Json.parse("[\"german\"]"));
        greta.put("capacity", -1);
        greta.set("tiers", Json.parse("[5]"));
        doc.set("assignment", Json.parse("""
                {"teams": [{"team": "billing", "mode": "by-mood"},
                           {"team": "ghosts", "mode": "skills", "skillsFrom": ["shoe-size"]},
                           {"team": "service-desk", "mode": "manual"},
                           {"team": "service-desk", "mode": "round-robin"}]}"""));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse(Json.write(doc)));

        assertEquals(List.of(
                "directory.people[greta].teams[1]: no team \"nowhere\" in the directory",
                "directory.people[greta].skills[0]: must be a skill: lower-case letters, digits and -",
                "directory.people[greta].languages[0]: must be a two-letter ISO 639-1 language code",
                "directory.people[greta].tiers[0]: must be a tier from 0 to 3",
                "directory.people[greta].capacity: must be a number of open tickets from 0 to 1000, or {open, byPriority}",
                "assignment.teams[0].mode: must be one of skills, round-robin, manual",
                "assignment.teams[1].team: no team \"ghosts\" in the directory",
                "assignment.teams[1].skillsFrom[0]: must be one of category, tags, language, product",
                "assignment.teams[3].team: has another rule above; one rule per team"),
                refused.errors().stream().map(e -> e.field() + ": " + e.problem()).toList());
    }
}
