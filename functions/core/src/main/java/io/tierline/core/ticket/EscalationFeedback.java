package io.tierline.core.ticket;

/**
 * What the receiver of an escalation says of it.
 *
 * @param needed   whether the escalation was needed (false: the sender could have solved it)
 * @param complete whether it came with what the receiver needed to work on it
 */
public record EscalationFeedback(boolean needed, boolean complete) {
}
