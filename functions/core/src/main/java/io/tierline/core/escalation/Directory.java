package io.tierline.core.escalation;

import io.tierline.core.ticket.TeamName;
import java.util.Map;
import java.util.Optional;

/** The people, teams and rotas escalation targets are resolved against. */
public record Directory(Map<String, Person> people, Map<String, TeamContacts> teams, Map<String, Rota> rotas) {
    public static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of());

    public Directory {
        people = Map.copyOf(people);
        teams = Map.copyOf(teams);
        rotas = Map.copyOf(rotas);
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(id).map(people::get);
    }

    public Optional<TeamContacts> team(TeamName name) {
        return Optional.ofNullable(name).map(team -> teams.get(team.value()));
    }
}
