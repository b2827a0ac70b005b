package io.tierline.core.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A team, by the name the policy document gives it (its queue, its directory entry). */
public record TeamName(String value) implements Comparable<TeamName> {
    public TeamName {
        Objects.requireNonNull(value, "team");
    }

    /** The team of that name, or null for no team. */
    @JsonCreator
    public static TeamName of(String name) {
        return name == null ? null : new TeamName(name);
    }

    /** The name of that team, or null for no team. */
    public static String nameOf(TeamName team) {
        return team == null ? null : team.value;
    }

    @Override
    public int compareTo(TeamName other) {
        return value.compareTo(other.value);
    }

    /** In JSON and in the store, the name as it is. */
    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
