package io.tierline.api;

import io.tierline.core.ticket.TicketId;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import io.tierline.core.access.CustomerTokens;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The customer's status page, opened with the link from the confirmation (it carries the access token). Right after
 * filing ({@code new=1}) it shows the confirmation; after a form post ({@code done=...}) a short confirmation on top.
 */
@Singleton
@Path("/status/{id}")
public class StatusPageResource {
    @Inject
    TicketWorkService work;

    static String link(TicketId id, String token) {
        return CustomerTokens.statusPath(id, token);
    }

    @GET
    @Produces(Pages.HTML_UTF8)
    public Response page(@PathParam("id") String id, @QueryParam("token") String token,
                         @QueryParam("new") String justCreated, @QueryParam("done") String done,
                         @HeaderParam("Host") String host, @HeaderParam("X-Forwarded-Proto") String scheme) {
        try {
            var history = work.customerView(AgentTicketResource.ticketId(id), token);
            CustomerTicketView view = CustomerTicketView.of(history);
            String path = link(history.ticket().id(), token);
            String html = justCreated != null ? Pages.confirmation(view, path, absolute(scheme, host, path))
                    : StatusPage.render(view, token, StatusPage.Done.of(done), null);
            return Response.ok(html, Pages.HTML_UTF8).build();
        } catch (TicketNotFoundException e) {
            return notFound();
        }
    }

    static Response notFound() {
        return Response.status(404).type(Pages.HTML_UTF8).entity(Pages.notFound()).build();
    }

    /** The link as the customer should bookmark it; API Gateway says https in X-Forwarded-Proto. */
    private static String absolute(String scheme, String host, String path) {
        if (host == null || host.isBlank()) {
            return path;
        }
        return (scheme == null || scheme.isBlank() ? "http" : scheme.split(",")[0].strip()) + "://" + host + path;
    }
}
