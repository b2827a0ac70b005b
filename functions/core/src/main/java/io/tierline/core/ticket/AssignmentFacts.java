package io.tierline.core.ticket;

import java.util.List;
import java.util.Objects;

/**
 * Why automatic assignment chose a person, or nobody: the team's rule, what the ticket needed and what the chosen
 * person matched, their load against their limit, and everyone considered with why they were or were not chosen.
 *
 * @param mode       the team's assignment mode code ({@code skills}, {@code round-robin})
 * @param load       the chosen person's load; null when nobody was chosen
 * @param considered everyone of the team, in the order they were ranked
 */
public record AssignmentFacts(String mode, SkillMatch match, Load load, List<Considered> considered) {
    public AssignmentFacts {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(match, "match");
        considered = List.copyOf(considered);
    }

    /**
     * @param needed   the skills the ticket's fields name
     * @param language the language the person must speak, or null
     * @param matched  the needed skills the chosen person has (empty when nobody was chosen)
     */
    public record SkillMatch(List<Skill> needed, String language, List<Skill> matched) {
        public static final SkillMatch NONE = new SkillMatch(List.of(), null, List.of());

        public SkillMatch {
            needed = List.copyOf(needed);
            matched = List.copyOf(matched);
        }
    }

    /**
     * @param before open tickets the person held before this one
     * @param limit  the most they may hold for a ticket of this priority
     * @param overCapacity whether the rule let an urgent ticket past the limit; the store checks the limit otherwise
     */
    public record Load(int before, int limit, boolean overCapacity) {
    }

    /** Why a person of the team was or was not chosen. */
    public enum Verdict {
        CHOSEN, CURRENT_ASSIGNEE, HANDED_UP, AWAY, OFFLINE, OFF_SHIFT, OTHER_TIER, NO_LANGUAGE, AT_CAPACITY,
        FEWER_SKILLS, MORE_LOADED, LATER_TURN;

        public String code() {
            return Codes.of(this);
        }
    }

    public record Considered(PersonId person, Verdict verdict) {
        public Considered {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** One line for the trail's reason: {@code skills: billing, de; load 2 of 8}. */
    public String summary() {
        StringBuilder line = new StringBuilder(mode);
        List<String> parts = new java.util.ArrayList<>(match.matched().stream().map(Skill::label).toList());
        if (match.language() != null && load != null) {
            parts.add("speaks " + match.language());
        }
        if (!parts.isEmpty()) {
            line.append(": ").append(String.join(", ", parts));
        }
        if (load != null) {
            line.append("; load ").append(load.before()).append(" of ").append(load.limit())
                    .append(load.overCapacity() ? " (urgent, over capacity)" : "");
        }
        return line.toString();
    }
}
