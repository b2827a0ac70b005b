package io.tierline.core.ticket;

import java.util.Objects;

/** A team, by the name the policy document gives it (its queue, its directory entry). */
public record TeamName(String value) {
    public TeamName {
        Objects.requireNonNull(value, "team");
    }

    /** The team of that name, or null for no team. */
    public static TeamName of(String name) {
        return name == null ? null : new TeamName(name);
    }

    @Override
    public String toString() {
        return value;
    }
}
