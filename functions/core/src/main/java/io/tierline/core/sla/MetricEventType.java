package io.tierline.core.sla;

import io.tierline.core.ticket.Codes;

/**
 * Every change of a metric's clock, recorded on the ticket. Declared in the order in which changes of one instant
 * are listed: the clock starts or moves again, then it reaches what it reaches, then it stops.
 */
public enum MetricEventType {
    /** The clock starts (or a policy with this metric now applies: then it counts from the cycle's original start). */
    ACTIVATE,
    /** Another policy or target now applies, measured from the cycle's original start. */
    APPLY,
    /** The clock counts again: a working status, or the ticket was reopened. */
    RESUME,
    /** A warning share of the target is used up. */
    WARN,
    /** The whole target is used up. */
    BREACH,
    /** The clock stands still: a pausing status, or reopened into one. */
    PAUSE,
    /** Answered, updated or solved. */
    FULFIL,
    /** No promise any more: merged into another ticket, or the applicable policy has no such target. */
    CANCEL;

    public String code() {
        return Codes.of(this);
    }
}
