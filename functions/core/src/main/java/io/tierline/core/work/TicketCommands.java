package io.tierline.core.work;

import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.policy.Policies;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.Tier;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The agents' actions whose outcome the policy document decides, so that every adapter gets the same answer: the
 * priority a change of impact or urgency leads to, whether a hand-over waits for a supervisor, and what a
 * supervisor's approval of a pending transfer records. Each is a domain action for {@link TicketWorkService}.
 */
public class TicketCommands {
    private final Supplier<Policies> policies;
    private final EscalationEngine engine;

    public TicketCommands(Supplier<Policies> policies, EscalationEngine engine) {
        this.policies = policies;
        this.engine = engine;
    }

    /**
     * New impact and/or urgency (null: as they are) and the priority: an explicit priority overrides; otherwise the
     * priority matrix decides from the new impact and urgency.
     */
    public TicketChange changeLevels(Ticket ticket, Level impact, Level urgency, Priority priority, String reason,
                                     Principal who, Instant now) {
        Level newImpact = impact != null ? impact : ticket.impact();
        Level newUrgency = urgency != null ? urgency : ticket.urgency();
        Priority newPriority = priority != null ? priority
                : policies.get().triage().priorityMatrix().priorityOf(newImpact, newUrgency);
        return ticket.changeLevels(newImpact, newUrgency, newPriority, reason, who.actor(), now);
    }

    /** A hand-over to another team and/or tier, waiting for a supervisor when the transfer policy says so. */
    public TicketChange transfer(Ticket ticket, String team, Tier tier, String reason, Principal who, Instant now) {
        return ticket.transfer(team, tier, reason, policies.get().transfers().needsApproval(who.role()), who.actor(),
                now);
    }

    /** An agent's functional or hierarchical escalation; a functional one may wait for approval as a transfer. */
    public TicketChange escalateByHand(TicketHistory history, ManualEscalation request, Principal who, Instant now) {
        return engine.escalateByHand(history.ticket(), history.events(), request,
                policies.get().transfers().needsApproval(who.role()), who.actor(), now);
    }

    /**
     * A supervisor of the ticket's team (or an admin) approves or refuses its pending transfer; an approved one that
     * an escalation asked for is recorded as that escalation.
     */
    public TicketChange decideTransfer(TicketHistory history, boolean approve, String reason, Principal who,
                                       Instant now) {
        Ticket ticket = history.ticket();
        if (!who.canApproveTransferOf(ticket)) {
            throw new ForbiddenException(who.id() + " is not a supervisor of team " + ticket.team());
        }
        return approve && EscalationEngine.isEscalation(ticket.pendingTransfer())
                ? engine.approveEscalation(ticket, history.events(), who.actor(), now)
                : ticket.decideTransfer(approve, reason, who.actor(), now);
    }
}
