package io.tierline.core.work;

import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.policy.Policies;
import io.tierline.core.access.Role;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.EscalationSender;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Tier;
import io.tierline.core.routing.Agent;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
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

    /**
     * A hand assignment. Where the policy document's directory lists the people of the ticket's team, the assignee
     * must be one of them: a ticket given to someone outside its team is one they cannot open, and automatic
     * assignment never takes back a hand assignment. A team the directory lists nobody for takes any name (the
     * directory need not list every sign-in).
     */
    public TicketChange assign(Ticket ticket, PersonId assignee, Principal who, Instant now) {
        List<Agent> members = policies.get().staffing().members(ticket.team());
        if (assignee != null && !members.isEmpty() && members.stream().noneMatch(a -> a.id().equals(assignee))) {
            throw new InvalidInputException("assignee", "is not one of the people of team " + ticket.team()
                    + " in the policy document's directory: " + members.stream().map(a -> a.id().value())
                    .collect(Collectors.joining(", ")));
        }
        return ticket.assign(assignee, who.actor(), now);
    }

    /** A hand-over to another team and/or tier, waiting for a supervisor when the transfer policy says so. */
    public TicketChange transfer(Ticket ticket, TeamName team, Tier tier, String reason, Principal who, Instant now) {
        return ticket.transfer(team, tier, reason, policies.get().transfers().needsApproval(who.role()), who.actor(),
                now);
    }

    /** An agent's functional or hierarchical escalation; a functional one may wait for approval as a transfer. */
    public TicketChange escalateByHand(TicketHistory history, ManualEscalation request, Principal who, Instant now) {
        return engine.escalateByHand(history.ticket(), history.events(), request,
                policies.get().transfers().needsApproval(who.role()), who.actor(), now);
    }

    /**
     * Whoever received escalation {@code sequence} says whether it was needed and complete, once: the person it was
     * escalated to, an agent of the team it went to, or an admin, never its sender. The feedback counts for the
     * escalation's sender in the reviews, so nobody else may give it.
     */
    public TicketChange escalationFeedback(TicketHistory history, int sequence, EscalationFeedback feedback,
                                           String comment, Principal who, Instant now) {
        TeamName team = null;
        TicketEvent.Escalated received = null;
        EscalationSender sender = null;
        for (TicketEvent event : history.events()) {
            TeamName before = team;
            team = event.moves().to(TicketField.TEAM).orElse(team);
            if (event instanceof TicketEvent.Escalated escalated && escalated.escalation().sequence() == sequence) {
                received = escalated;
                // resolved here, from the trail, and carried on the event: the reviews' counters see only the
                // write, and who is credited must not change if the trail is read differently later
                sender = EscalationSender.of(escalated.escalatedBy(), before);
                break;
            }
        }
        if (received == null) {
            throw new EscalationNotFoundException(history.ticket().id(), sequence);
        }
        if (sender != null && sender.person().value().equals(who.id())) {
            // a hierarchical escalation stays in the sender's team: the team rule below would let them rate it
            throw new ForbiddenException(who.id() + " sent escalation " + sequence
                    + "; its feedback is for whoever received it");
        }
        boolean toThem = received.escalation().escalatedTo() != null
                && received.escalation().escalatedTo().value().equals(who.id());
        if (who.role() != Role.ADMIN && !toThem && (team == null || !who.teams().contains(team))) {
            throw new ForbiddenException(who.id() + " did not receive escalation " + sequence + " (it went to team "
                    + team + ")");
        }
        boolean given = history.events().stream()
                .anyMatch(e -> e instanceof TicketEvent.EscalationFeedbackGiven f && f.sequence() == sequence);
        if (given) {
            throw new TicketActionException("feedback on escalation " + sequence + " was given already");
        }
        return history.ticket().giveEscalationFeedback(sequence, feedback, sender, comment, who.actor(), now);
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
