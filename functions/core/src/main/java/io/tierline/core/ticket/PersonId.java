package io.tierline.core.ticket;

import java.util.List;
import java.util.Objects;

/** A member of staff, by the id the directory and the sign-in give them. */
public record PersonId(String value) {
    public PersonId {
        Objects.requireNonNull(value, "person");
    }

    /** The person with that id, or null for nobody. */
    public static PersonId of(String id) {
        return id == null ? null : new PersonId(id);
    }

    public static List<PersonId> all(List<String> ids) {
        return ids.stream().map(PersonId::new).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
