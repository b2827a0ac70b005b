package io.tierline.core.routing;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * A person as automatic assignment sees them, from the policy document's directory.
 *
 * @param hours when they are on shift; null means any time
 */
public record Agent(PersonId id, Placement placement, Competence competence, Capacity capacity,
                    BusinessCalendar hours) {
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(competence, "competence");
        capacity = capacity == null ? Capacity.DEFAULT : capacity;
    }

    /** The teams whose tickets they take and the tiers they work at (empty tiers: every tier). */
    public record Placement(Set<TeamName> teams, Set<Tier> tiers) {
        public Placement {
            teams = Set.copyOf(teams);
            tiers = Set.copyOf(tiers);
        }

        public boolean worksAt(Tier tier) {
            return tiers.isEmpty() || tier == null || tiers.contains(tier);
        }
    }

    /** What they know and the languages they answer in (ISO 639-1). */
    public record Competence(Set<Skill> skills, Set<String> languages) {
        public Competence {
            skills = Set.copyOf(skills);
            languages = Set.copyOf(languages);
        }

        public boolean speaks(String language) {
            return language == null || languages.contains(language);
        }
    }

    public boolean onShiftAt(java.time.Instant at) {
        return hours == null || hours.isOpen(at);
    }
}
