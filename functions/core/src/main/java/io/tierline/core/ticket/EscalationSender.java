package io.tierline.core.ticket;

import java.util.Objects;

/**
 * The member of staff who made an escalation and the team the ticket was in when they did: the reviews credit what
 * became of the escalation (the receiver's feedback, whether it settled at the tier it went to) to them, under that
 * team, whatever team the ticket is in later.
 */
public record EscalationSender(PersonId person, TeamName team) {
    public EscalationSender {
        Objects.requireNonNull(person, "person");
    }

    /** Who made an escalation by acting as {@code actor}: staff only (an automatic one has no sender), or null. */
    public static EscalationSender of(Actor actor, TeamName team) {
        return switch (actor.kind()) {
            case AGENT, SUPERVISOR, ADMIN -> new EscalationSender(new PersonId(actor.id()), team);
            default -> null;
        };
    }
}
