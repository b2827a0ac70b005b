package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.request.TicketRequestReader;
import io.tierline.core.request.TicketRequest;
import io.tierline.core.ticket.Channel;
import io.tierline.core.triage.TriageService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * "Which rules fire for this ticket, and what would they do": supervisors and admins try the policy on a ticket
 * written as for POST /tickets. Nothing is stored and no message is sent.
 */
@Singleton
@Path("/triage/dry-run")
@Produces(MediaType.APPLICATION_JSON)
public class TriageDryRunResource {
    @Inject
    Caller caller;
    @Inject
    TriageService triage;

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequest.class)))
    public DryRunView dryRun(byte[] body, @HeaderParam("Content-Type") String contentType) {
        Principal who = caller.atLeast(Role.SUPERVISOR);
        RequestBodies.Parsed parsed = RequestBodies.parse(contentType, body);
        return DryRunView.of(triage.dryRun(TicketRequestReader.read(parsed.json(), Channel.API), who.actor()));
    }
}
