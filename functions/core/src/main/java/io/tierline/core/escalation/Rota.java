package io.tierline.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A simple on-call rota: the people take turns of {@code shift} each, in order, starting at {@code start}. */
public record Rota(String name, List<String> people, Instant start, Duration shift) {
    public Rota {
        people = List.copyOf(people);
    }

    /** Who is on call at {@code at}; before the start, the first person. */
    public String onCallAt(Instant at) {
        if (at.isBefore(start)) {
            return people.get(0);
        }
        long turns = Duration.between(start, at).toMillis() / shift.toMillis();
        return people.get((int) (turns % people.size()));
    }
}
