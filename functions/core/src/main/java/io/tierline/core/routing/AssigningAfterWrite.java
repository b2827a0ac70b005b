package io.tierline.core.routing;

import io.tierline.core.port.AfterWrite;
import io.tierline.core.ticket.Ticket;

/**
 * The after-write pipeline with automatic assignment behind it: what the write publishes goes out first, then the
 * ticket (and whatever the write freed) is offered. Routing's own writes use the inner pipeline, so an assignment
 * never triggers another round of assignment.
 */
public class AssigningAfterWrite implements AfterWrite {
    private final AfterWrite inner;
    private final RoutingService routing;

    public AssigningAfterWrite(AfterWrite inner, RoutingService routing) {
        this.inner = inner;
        this.routing = routing;
    }

    @Override
    public Sent written(Ticket ticket) {
        Sent sent = inner.written(ticket);
        routing.written(ticket);
        return sent;
    }
}
