package io.tierline.core.escalation;

import io.tierline.core.ticket.Codes;

/** The roles above an agent a hierarchical escalation goes to: the team's supervisor or its manager. */
public enum Seniority {
    SUPERVISOR, MANAGER;

    public String code() {
        return Codes.of(this);
    }

    /** Who has this role in the team, or null when the directory names nobody. */
    public String holderIn(TeamContacts team) {
        return this == SUPERVISOR ? team.supervisor() : team.manager();
    }
}
