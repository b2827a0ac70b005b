package io.tierline.api;

import io.tierline.core.ticket.TicketId;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The customer's status page, opened with the link from the confirmation (it carries the access token). */
@Path("/status/{id}")
public class StatusPageResource {
    @Inject
    TicketWorkService work;

    static String link(TicketId id, String token) {
        return "/status/" + id.value() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response page(@PathParam("id") String id, @QueryParam("token") String token,
                         @QueryParam("new") String justCreated) {
        try {
            var history = work.customerView(AgentTicketResource.ticketId(id), token);
            return Response.ok(Pages.status(CustomerTicketView.of(history), link(history.ticket().id(), token),
                    justCreated != null)).build();
        } catch (TicketNotFoundException e) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.notFound()).build();
        }
    }
}
