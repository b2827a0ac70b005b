package io.tierline.api;

import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.intake.IntakeResult;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.request.TicketRequestReader;
import io.tierline.core.request.TicketRequest;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.wiring.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import java.util.Optional;

/** Ticket intake over HTTP (JSON and plain HTML forms); the domain decides, this class only moves bytes. */
@Singleton
@Path("/tickets")
public class TicketResource {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(TicketResource.class);

    @Inject
    IntakeService intake;
    @Inject
    io.tierline.core.knowledge.Deflection deflection;

    /** The ticket request as JSON, or as a plain HTML form whose field names are its paths ("requester.email"). */
    @POST
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = TicketRequest.class))})
    public Response create(byte[] body, @HeaderParam("Content-Type") String contentType,
                           @HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                           @HeaderParam("Accept") String accept) {
        RequestBodies.Parsed parsed = RequestBodies.parse(contentType, body);
        boolean browser = parsed.fromForm() && Pages.answersFormWithPage(accept);
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
        if (browser && parsed.checkFirst()) {
            // without JavaScript the first submit checks for answers; with none found it files at once
            java.util.List<io.tierline.core.knowledge.SearchHit> hits = deflection.checkForAnswers(draft.subject(),
                    draft.description(), "en", parsed.formKey() != null ? parsed.formKey() : Pages.newKey());
            if (!hits.isEmpty()) {
                return Response.ok(Pages.supportForm(parsed.json(), java.util.List.of(), parsed.formKey(),
                        SuggestionsView.of(hits)), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
        }
        if (!draft.articlesSeen().isEmpty() && parsed.formKey() != null) {
            deflection.shown(parsed.formKey()); // the script showed them without the check step
        }
        IntakeResult result = intake.submit(draft, Actor.customer(draft.requester().email()), key);
        String id = result.ticket().id().value();
        // the first line of the ticket's path through the functions: triage, sweep and escalate log the same id
        LogContext.ticket(id);
        LOG.infof("ticket %s %s via %s", id, result.replayed() ? "replayed" : "created", draft.channel().code());
        String statusUrl = StatusPageResource.link(result.ticket().id(), result.customerToken());
        if (browser) {
            return Response.seeOther(URI.create(statusUrl + "&new=1")).build();
        }
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .location(URI.create("/tickets/" + id))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(TicketView.of(result.ticket(), null).withAccess(result.customerToken(), statusUrl));
        return replayed(response, result.replayed()).build();
    }

    /**
     * Marks an answer given again for a retried request (the same Idempotency-Key): nothing was done twice. Every
     * write that takes the key says so the same way (tickets, ticket actions, articles).
     */
    static Response.ResponseBuilder replayed(Response.ResponseBuilder response, boolean replayed) {
        return replayed ? response.header(REPLAYED_HEADER, "true") : response;
    }

}
