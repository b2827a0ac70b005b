package io.tierline.core.ticket;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A member of staff, by the id the directory and the sign-in give them. */
public record PersonId(String value) {
    public PersonId {
        Objects.requireNonNull(value, "person");
    }

    /** The person with that id, or null for nobody. */
    @JsonCreator
    public static PersonId of(String id) {
        return id == null ? null : new PersonId(id);
    }

    /** The id of that person, or null for nobody. */
    public static String nameOf(PersonId person) {
        return person == null ? null : person.value;
    }

    public static List<PersonId> all(List<String> ids) {
        return ids.stream().map(PersonId::new).toList();
    }

    /** In JSON and in the store, the name as it is. */
    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
