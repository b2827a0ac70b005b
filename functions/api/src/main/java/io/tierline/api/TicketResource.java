package io.tierline.api;

import io.tierline.core.intake.IdempotencyKey;
import io.tierline.core.intake.IntakeResult;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.intake.TicketRequestReader;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** Ticket intake and reading over HTTP; the domain decides, this class only moves bytes. */
@Path("/tickets")
public class TicketResource {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @Inject
    IntakeService intake;
    @Inject
    TicketStore store;

    @POST
    public Response create(byte[] body, @HeaderParam("Content-Type") String contentType,
                           @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                           @HeaderParam("Accept") String accept) {
        RequestBodies.Parsed parsed = RequestBodies.parse(contentType, body);
        boolean browser = parsed.fromForm() && accept != null && accept.contains("text/html");
        TicketDraft draft;
        Optional<IdempotencyKey> key;
        try {
            draft = TicketRequestReader.read(parsed.json(), parsed.fromForm() ? Channel.WEB : Channel.API);
            key = idempotencyKey != null ? Optional.of(IdempotencyKey.of("api", idempotencyKey, IDEMPOTENCY_HEADER))
                    : Optional.ofNullable(parsed.formKey())
                    .map(k -> IdempotencyKey.of("api", k, RequestBodies.FORM_KEY_FIELD));
        } catch (InvalidInputException e) {
            if (browser) {
                return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Pages.supportForm(parsed.json(), e.errors(), parsed.formKey())).build();
            }
            throw e;
        }
        IntakeResult result = intake.submit(draft, Actor.customer(draft.requester().email()), key);
        String id = result.ticket().id().value();
        if (parsed.fromForm()) {
            return Response.seeOther(URI.create("/tickets/" + id + "/submitted")).build();
        }
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .location(URI.create("/tickets/" + id))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(TicketView.of(result.ticket(), null));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public TicketView get(@PathParam("id") String id) {
        return TicketView.of(store.history(parseId(id)).orElseThrow(() -> notFound(id)));
    }

    @GET
    @Path("{id}/submitted")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String submitted(@PathParam("id") String id) {
        return Pages.submitted(store.find(parseId(id)).orElseThrow(() -> notFound(id)));
    }

    private static TicketId parseId(String id) {
        if (!TicketId.isValid(id)) {
            throw notFound(id);
        }
        return new TicketId(id);
    }

    private static jakarta.ws.rs.WebApplicationException notFound(String id) {
        return new jakarta.ws.rs.WebApplicationException(
                Problem.response(404, "Not Found", "There is no ticket " + id + "."));
    }
}
