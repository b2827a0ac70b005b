package io.tierline.core.access;

import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** A signed-in agent, supervisor or admin, and the teams they belong to. */
public record Principal(String id, Role role, Set<TeamName> teams) {
    public Principal {
        teams = Set.copyOf(teams);
    }

    /** Someone in the teams of those names (as the sign-in's groups and the tests give them). */
    public static Principal inTeams(String id, Role role, Collection<String> teamNames) {
        return new Principal(id, role, teamNames.stream().map(TeamName::new).collect(Collectors.toSet()));
    }

    /** Who they are, as a ticket's assignee or watcher names them. */
    public PersonId person() {
        return new PersonId(id);
    }

    /** Their teams' names, as the sign-in's groups and the reports spell them. */
    public Set<String> teamNames() {
        return teams.stream().map(TeamName::value).collect(Collectors.toSet());
    }

    /** Who acted, in the role they acted in: a supervisor's decision reads "supervisor:sam", not "agent:sam". */
    public Actor actor() {
        return new Actor(switch (role) {
            case AGENT -> Actor.Kind.AGENT;
            case SUPERVISOR -> Actor.Kind.SUPERVISOR;
            case ADMIN -> Actor.Kind.ADMIN;
        }, id);
    }

    /** Admins see everything; everyone else works on tickets of their own teams. */
    public boolean worksOn(Ticket ticket) {
        return role == Role.ADMIN || (ticket.team() != null && teams.contains(ticket.team()));
    }

    public boolean seesTeam(TeamName team) {
        return role == Role.ADMIN || teams.contains(team);
    }

    /** A supervisor of the ticket's current team (or an admin) approves its hand-over. */
    public boolean canApproveTransferOf(Ticket ticket) {
        return role == Role.ADMIN || (role == Role.SUPERVISOR && worksOn(ticket));
    }

    public void requireWorksOn(Ticket ticket) {
        if (!worksOn(ticket)) {
            // a ticket triage has not routed yet belongs to no team: only an admin works on it until then
            throw new ForbiddenException(ticket.team() == null
                    ? "ticket " + ticket.id() + " is not routed to a team yet; until triage routes it, only an admin"
                            + " works on it"
                    : id + " is not in team " + ticket.team() + ", which owns ticket " + ticket.id());
        }
    }
}
