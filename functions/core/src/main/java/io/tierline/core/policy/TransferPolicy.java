package io.tierline.core.policy;

import io.tierline.core.access.Role;

/**
 * Whether an agent's hand-over of a ticket to another team or tier waits for a supervisor's approval. Supervisors
 * and admins transfer directly.
 */
public record TransferPolicy(boolean agentsNeedApproval) {

    /** Whether a transfer (or a functional escalation) by someone in this role waits for a supervisor. */
    public boolean needsApproval(Role role) {
        return role == Role.AGENT && agentsNeedApproval;
    }
}
