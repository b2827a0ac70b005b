package io.tierline.core.policy;

/**
 * Whether an agent's hand-over of a ticket to another team or tier waits for a supervisor's approval. Supervisors
 * and admins transfer directly.
 */
public record TransferPolicy(boolean agentsNeedApproval) {
}
