package io.tierline.core.routing;

import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Ticket;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a ticket needs of a person under its team's rule: skills named by its fields and a language to speak.
 *
 * @param language null when the rule does not map the language or triage could not tell it
 */
public record Needs(Set<Skill> skills, String language) {
    private static final String UNDETERMINED = "und";

    public Needs {
        skills = Set.copyOf(new TreeSet<>(skills));
    }

    public static Needs of(Ticket ticket, AssignmentRule rule, Set<Skill> teamSkills) {
        Set<Skill> needed = new TreeSet<>();
        if (rule.skillsFrom().contains(SkillSource.CATEGORY) && ticket.category() != null) {
            needed.add(new Skill(ticket.category()));
        }
        for (String tag : ticket.tags()) {
            if (rule.skillsFrom().contains(SkillSource.TAGS) && teamSkills.contains(new Skill(tag))) {
                needed.add(new Skill(tag));
            }
        }
        if (rule.skillsFrom().contains(SkillSource.PRODUCT)) {
            ticket.productAreas().forEach(area -> needed.add(new Skill(area)));
        }
        String language = null;
        if (rule.skillsFrom().contains(SkillSource.LANGUAGE) && ticket.signals() != null
                && !UNDETERMINED.equals(ticket.signals().language())) {
            language = ticket.signals().language();
        }
        return new Needs(needed, language);
    }

    /** In a stable order, for the trail. */
    public java.util.List<Skill> sorted() {
        return new TreeSet<>(skills).stream().toList();
    }
}
