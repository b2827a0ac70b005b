package io.tierline.core.escalation;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.Tier;
import java.util.Objects;

/**
 * An agent's escalation: functional to a team and/or tier, or hierarchical to the supervisor or manager of the
 * ticket's team, always with a reason from the fixed list and optionally a comment. A functional escalation that
 * names no tier (and no team), or asks for the next tier, goes one tier up from the ticket's own.
 *
 * @param nextTier the tier one above the ticket's, whatever it is when the escalation runs ({@code tier} is then null)
 */
public record ManualEscalation(EscalationKind kind, EscalationReason reason, String comment, TeamName team, Tier tier,
                               boolean nextTier, Seniority to) {
    public ManualEscalation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (nextTier && tier != null) {
            throw new IllegalArgumentException("name a tier or ask for the next one, not both");
        }
    }

    /** The tier a functional escalation goes to, read from the ticket as it is now; 409 above the top tier. */
    public Tier tierFor(Ticket ticket) {
        if (!nextTier && (team != null || tier != null)) {
            return tier;
        }
        if (ticket.tier() == null) {
            throw new TicketActionException("the ticket has no tier yet, so it has no next tier; name a tier");
        }
        return ticket.tier().above().orElseThrow(() -> new TicketActionException("the ticket is already at tier "
                + ticket.tier().number() + ", the top tier; name another team, or escalate hierarchically"));
    }
}
