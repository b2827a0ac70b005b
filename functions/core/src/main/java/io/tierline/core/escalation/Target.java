package io.tierline.core.escalation;

import io.tierline.core.ticket.TeamName;

/**
 * Whom a level escalates to: a tier ({@code value} "0".."3"), a team, a role of the ticket's team (supervisor or
 * manager), the current assignee, a named person, or whoever is on call in a rota.
 */
public record Target(Kind kind, String value) {
    public enum Kind { TIER, TEAM, ROLE, ASSIGNEE, PERSON, ON_CALL }

    public static final String SUPERVISOR = "supervisor";
    public static final String MANAGER = "manager";

    /** The team a {@code team} target names. */
    public TeamName team() {
        if (kind != Kind.TEAM) {
            throw new IllegalStateException(describe() + " names no team");
        }
        return new TeamName(value);
    }

    public String describe() {
        return kind == Kind.ASSIGNEE ? "assignee" : kind.name().toLowerCase().replace('_', '-') + " " + value;
    }
}
