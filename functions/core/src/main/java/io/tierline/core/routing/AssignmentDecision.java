package io.tierline.core.routing;

import io.tierline.core.ticket.AssignmentFacts;
import io.tierline.core.ticket.PersonId;
import java.util.Objects;
import java.util.Optional;

/** Whom automatic assignment chose for a ticket, or nobody, and why either way. */
public record AssignmentDecision(PersonId chosen, AssignmentFacts facts) {
    public AssignmentDecision {
        Objects.requireNonNull(facts, "facts");
    }

    public Optional<PersonId> person() {
        return Optional.ofNullable(chosen);
    }
}
