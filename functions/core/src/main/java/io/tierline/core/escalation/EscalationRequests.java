package io.tierline.core.escalation;

import java.time.Duration;

/**
 * How the engine answers a customer's repeated requests for escalation.
 *
 * @param notifyAgainAfter while the current episode reached the team's supervisor or manager less than this long
 *                         ago, a new request is recorded and answered but alerts nobody
 */
public record EscalationRequests(Duration notifyAgainAfter) {
    /** Half a working day: long enough to stop a burst of clicks, short enough that a stuck ticket is raised again. */
    public static final EscalationRequests DEFAULT = new EscalationRequests(Duration.ofHours(4));
}
