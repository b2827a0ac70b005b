package io.tierline.core.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One escalation as the escalation engine decided it, for {@link Ticket#escalate} to apply and record. Null
 * fields change nothing.
 *
 * @param kind              functional, hierarchical or automatic
 * @param reason            the reason's code (a manual reason, or the trigger of an automatic level)
 * @param reasonText        the reason in words, for the trail
 * @param comment           the agent's comment, or null
 * @param recipients        who is notified: people, or a team's shared channel
 * @param customerMessage   what the customer is told, or null when this escalation is not theirs to know
 * @param person            the person escalated to (a supervisor, a manager, someone on call), or null
 * @param next              the escalation state after this step
 * @param dueAt             when a timed step (a level after a delay or an SLA deadline, an acknowledgement
 *                          timeout) was due; null for a step taken by someone
 */
public record EscalationStep(String kind, String reason, String reasonText, String comment,
                             boolean customerRequested, String team, Tier tier, String assignee, String person,
                             Priority priority, List<String> addWatchers, List<Recipient> recipients,
                             String customerMessage, boolean clearsPendingTransfer, EscalationState next,
                             Instant dueAt) {
    public EscalationStep {
        addWatchers = List.copyOf(addWatchers);
        recipients = List.copyOf(recipients);
    }
}
