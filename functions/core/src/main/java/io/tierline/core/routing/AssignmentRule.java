package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import java.util.Objects;
import java.util.Set;

/** One team's assignment rule from the policy document's {@code assignment} section. */
public record AssignmentRule(TeamName team, AssignmentMode mode, Set<SkillSource> skillsFrom,
                             boolean urgentMayExceedCapacity) {
    public AssignmentRule {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(mode, "mode");
        skillsFrom = Set.copyOf(skillsFrom);
    }

    public static AssignmentRule manual(TeamName team) {
        return new AssignmentRule(team, AssignmentMode.MANUAL, Set.of(), false);
    }

    public boolean automatic() {
        return mode != AssignmentMode.MANUAL;
    }
}
