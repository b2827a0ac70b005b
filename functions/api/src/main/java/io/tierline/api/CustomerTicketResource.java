package io.tierline.api;

import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.work.TicketWorkService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * The customer's side of a ticket, opened with the per-ticket access token from the status link (query parameter
 * {@code token}, or header {@code X-Ticket-Token}). A wrong or missing token answers 404, never 403, so ticket ids
 * cannot be probed.
 */
@Path("/customer/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTicketResource {
    static final String TOKEN_HEADER = "X-Ticket-Token";

    @Inject
    TicketWorkService work;
    @Inject
    EscalationEngine engine;
    @Inject
    EscalationNotifications notifications;

    @GET
    public CustomerTicketView read(@PathParam("id") String id, @QueryParam("token") String token,
                                   @HeaderParam(TOKEN_HEADER) String headerToken) {
        return CustomerTicketView.of(work.customerView(AgentTicketResource.ticketId(id), tokenOf(token, headerToken)));
    }

    @POST
    @Path("replies")
    public CustomerTicketView reply(@PathParam("id") String id, @QueryParam("token") String token,
                                    @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                                    @HeaderParam("Content-Type") String type,
                                    @HeaderParam("Idempotency-Key") String key) {
        String access = tokenOf(token, headerToken);
        ActionRequest r = ActionRequest.parse("POST", "/customer/tickets/" + id + "/replies", type, body, null, key,
                "customer:" + id, Set.of("body"));
        String text = r.fields.text("body", true, 20_000);
        r.validate();
        var ticketId = AgentTicketResource.ticketId(id);
        return CustomerTicketView.of(work.actAsCustomer(ticketId, access, r.guard(),
                (t, now) -> t.customerReply(text, work.customerActor(t), now)));
    }

    @POST
    @Path("escalation-requests")
    public CustomerTicketView requestEscalation(@PathParam("id") String id, @QueryParam("token") String token,
                                                @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                                                @HeaderParam("Content-Type") String type,
                                                @HeaderParam("Idempotency-Key") String key) {
        String access = tokenOf(token, headerToken);
        ActionRequest r = ActionRequest.parse("POST", "/customer/tickets/" + id + "/escalation-requests", type, body,
                null, key, "customer:" + id, Set.of("reason"));
        String reason = r.fields.text("reason", true, 2000);
        r.validate();
        var ticketId = AgentTicketResource.ticketId(id);
        var history = work.actAsCustomerOnTrail(ticketId, access, r.guard(), (h, now) -> engine.customerRequest(
                h.ticket(), h.events(), reason, work.customerActor(h.ticket()), now));
        notifications.send(history);
        return CustomerTicketView.of(history);
    }

    static String tokenOf(String query, String header) {
        return header != null && !header.isBlank() ? header : query;
    }
}
