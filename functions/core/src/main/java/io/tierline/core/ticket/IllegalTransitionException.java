package io.tierline.core.ticket;

import java.util.Set;

/** A status change the lifecycle does not allow; carries what would have been allowed. */
public class IllegalTransitionException extends RuntimeException {
    private final Status from;
    private final Status to;

    public IllegalTransitionException(Status from, Status to) {
        super("a " + from.code() + " ticket cannot become " + to.code());
        this.from = from;
        this.to = to;
    }

    public Status from() {
        return from;
    }

    public Status to() {
        return to;
    }

    public Set<Status> allowed() {
        return from.allowedNext();
    }
}
