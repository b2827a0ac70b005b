package io.tierline.core.escalation;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Tier;
import java.util.Objects;

/**
 * Whom a level escalates to, as the policy document names it ({@code targets}): a tier, a team, a role of the
 * ticket's team, the current assignee, a named person, or whoever is on call in a rota. The parser checks each
 * against the directory once, so the engine reads each kind's own value and never parses one back.
 */
public sealed interface Target {

    /** A tier: where {@code reassign} or {@code raiseTier} moves the ticket; nobody to notify. */
    record ToTier(Tier tier) implements Target {
        public ToTier {
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** A team: {@code reassign} moves the ticket there; its supervisor is notified, and its shared channel. */
    record ToTeam(TeamName team) implements Target {
        public ToTeam {
            Objects.requireNonNull(team, "team");
        }
    }

    /** The supervisor or manager of the team the ticket is in (after the level's move). */
    record ToRole(Seniority role) implements Target {
        public ToRole {
            Objects.requireNonNull(role, "role");
        }
    }

    /** Whoever holds the ticket when the level fires, if anyone. */
    record ToAssignee() implements Target {
    }

    /** A person of the directory. */
    record ToPerson(PersonId person) implements Target {
        public ToPerson {
            Objects.requireNonNull(person, "person");
        }
    }

    /** Whoever a rota of the directory has on call when the level fires. */
    record OnCall(String rota) implements Target {
        public OnCall {
            Objects.requireNonNull(rota, "rota");
        }
    }

    /** Whether the target is a person or can only be one (a tier is a place; a team and a role are resolved). */
    default boolean namesSomeone() {
        return this instanceof ToPerson || this instanceof OnCall;
    }
}
