package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Skill;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The people automatic assignment may choose from and each team's rule; a team without a rule is manual. */
public record Staffing(Map<PersonId, Agent> agents, Map<TeamName, AssignmentRule> rules) {
    public static final Staffing NONE = new Staffing(Map.of(), Map.of());

    public Staffing {
        agents = Map.copyOf(agents);
        rules = Map.copyOf(rules);
    }

    public AssignmentRule rule(TeamName team) {
        return team == null ? AssignmentRule.manual(new TeamName("none"))
                : rules.getOrDefault(team, AssignmentRule.manual(team));
    }

    /** The team's people, by id so every ranking starts from the same order. */
    public List<Agent> members(TeamName team) {
        return agents.values().stream().filter(a -> a.placement().teams().contains(team))
                .sorted(Comparator.comparing(a -> a.id().value())).toList();
    }

    public Optional<Agent> agent(PersonId id) {
        return Optional.ofNullable(id).map(agents::get);
    }

    /** Every skill someone of the team has: a tag names a needed skill only when it is one of these. */
    public Set<Skill> skillsOf(TeamName team) {
        return members(team).stream().flatMap(a -> a.competence().skills().stream()).collect(Collectors.toSet());
    }
}
