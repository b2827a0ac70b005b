package io.tierline.api;

import io.tierline.core.wiring.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the invocation's function and request id (from {@link TierlineApiHandler}) and the ticket a route is about ({@code /tickets/{id}}, {@code /customer/tickets/{id}}, {@code /status/{id}})
 * into the log lines' correlation fields, and takes it out again after the response: requests may run on a thread
 * other than the Lambda handler's, so the route sets it itself.
 */
public class TicketLogFilter {
    @ServerRequestFilter
    public void ticketOfTheRoute(ContainerRequestContext request) {
        LogContext.adopt(TierlineApiHandler.currentInvocation());
        LogContext.ticket(request.getUriInfo().getPathParameters().getFirst("id"));
    }

    @ServerResponseFilter
    public void forgetTheTicket() {
        LogContext.clear();
    }
}
