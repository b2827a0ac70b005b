package io.tierline.core.access;

/** What a signed-in person may do: agents work their teams' tickets, supervisors also approve, admins configure. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN
}
