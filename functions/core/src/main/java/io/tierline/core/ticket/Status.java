package io.tierline.core.ticket;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket stands in its life. The allowed moves are part of the domain, not of any adapter. */
public enum Status {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    /** Statuses a ticket may move to from this one. Closed is final: a follow-up is a new ticket. */
    public Set<Status> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, SOLVED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, SOLVED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(Status.class);
        };
    }

    /** Solved or closed: no clock runs, nobody holds it, no stay goes on; a solved ticket may still reopen. */
    public boolean isDone() {
        return this == SOLVED || this == CLOSED;
    }

    public boolean canMoveTo(Status next) {
        return allowedNext().contains(next);
    }

    public String code() {
        return Codes.of(this);
    }

    public static Status fromCode(String code) {
        return Codes.parse(Status.class, code);
    }
}
