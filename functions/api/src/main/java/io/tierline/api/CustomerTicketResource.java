package io.tierline.api;

import io.tierline.core.escalation.EscalationEngine;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.followup.FollowUps;
import io.tierline.core.request.CustomerActions;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.IllegalTransitionException;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.TicketWorkService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The customer's side of a ticket, opened with the per-ticket access token from the status link (query parameter
 * {@code token}, or header {@code X-Ticket-Token}). A wrong or missing token answers 404, never 403, so ticket ids
 * cannot be probed.
 *
 * <p>Every action also takes a plain HTML form post from the status page (with an Accept that includes HTML, any
 * type or none, as browsers send): it answers 303 back to the status page
 * (post/redirect/get) with a short confirmation, or, when refused, the status page again with the message beside the
 * field and what was typed kept (400 for invalid input, 409 when the ticket's state refuses the action).
 */
@Singleton
@Path("/customer/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTicketResource {
    static final String TOKEN_HEADER = "X-Ticket-Token";

    @Inject
    TicketWorkService work;
    @Inject
    EscalationEngine engine;

    @GET
    public CustomerTicketView read(@PathParam("id") String id, @QueryParam("token") String token,
                                   @HeaderParam(TOKEN_HEADER) String headerToken) {
        return CustomerTicketView.of(work.customerView(AgentTicketResource.ticketId(id), tokenOf(token, headerToken)));
    }

    @POST
    @Path("replies")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @APIResponse(responseCode = "200", description = "the ticket as the customer sees it; 303 to the status page for a form post",
            content = @Content(schema = @Schema(implementation = CustomerTicketView.class)))
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerActions.CustomerReply.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = CustomerActions.CustomerReply.class))})
    public Response reply(@PathParam("id") String id, @QueryParam("token") String token,
                          @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                          @HeaderParam("Content-Type") String type, @HeaderParam("Idempotency-Key") String key,
                          @HeaderParam("Accept") String accept) {
        return act(id, tokenOf(token, headerToken), "replies", type, body, key, accept,
                StatusPage.Form.REPLY, StatusPage.Done.REPLIED, r -> {
                    String text = r.body(CustomerActions.CustomerReply.class).valid().body();
                    return (h, now) -> h.ticket().customerReply(text, work.customerActor(h.ticket()), now);
                });
    }

    /** The reason is required in JSON; the status page's button may leave it blank. */
    @POST
    @Path("escalation-requests")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @APIResponse(responseCode = "200", description = "the ticket as the customer sees it; 303 to the status page for a form post",
            content = @Content(schema = @Schema(implementation = CustomerTicketView.class)))
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerActions.EscalationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = CustomerActions.EscalationRequest.class))})
    public Response requestEscalation(@PathParam("id") String id, @QueryParam("token") String token,
                                      @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                                      @HeaderParam("Content-Type") String type,
                                      @HeaderParam("Idempotency-Key") String key, @HeaderParam("Accept") String accept) {
        return act(id, tokenOf(token, headerToken), "escalation-requests", type, body, key, accept,
                StatusPage.Form.ESCALATION, StatusPage.Done.ESCALATION_REQUESTED, r -> {
                    String given = r.body(CustomerActions.EscalationRequest.class).valid().reason();
                    String reason = given != null ? given : "asked from the status page without giving a reason";
                    return (h, now) -> engine.customerRequest(h.ticket(), h.events(), reason,
                            work.customerActor(h.ticket()), now);
                });
    }

    /** {@code {"rating": 1..5, "comment"?}} once the ticket is solved or closed; a new rating replaces the last. */
    @POST
    @Path("satisfaction")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @APIResponse(responseCode = "200", description = "the ticket as the customer sees it; 303 to the status page for a form post",
            content = @Content(schema = @Schema(implementation = CustomerTicketView.class)))
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerActions.Rating.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = CustomerActions.Rating.class))})
    public Response rate(@PathParam("id") String id, @QueryParam("token") String token,
                         @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                         @HeaderParam("Content-Type") String type, @HeaderParam("Idempotency-Key") String key,
                         @HeaderParam("Accept") String accept) {
        return act(id, tokenOf(token, headerToken), "satisfaction", type, body, key, accept,
                StatusPage.Form.RATING, StatusPage.Done.RATED, r -> {
                    CustomerActions.Rating given = r.body(CustomerActions.Rating.class).valid();
                    int rating = given.rating();
                    String comment = given.comment();
                    return (h, now) -> h.ticket().rateSatisfaction(rating, comment, work.customerActor(h.ticket()),
                            now);
                });
    }

    /**
     * {@code {"stayedSolved": true|false, "rating"?: 1..5, "comment"?}}: the answer to the follow-up sent a set time
     * after the resolution, once per resolution; "not solved" reopens the ticket.
     */
    @POST
    @Path("follow-up")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @APIResponse(responseCode = "200", description = "the ticket as the customer sees it; 303 to the status page for a form post",
            content = @Content(schema = @Schema(implementation = CustomerTicketView.class)))
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerActions.FollowUpReply.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = CustomerActions.FollowUpReply.class))})
    public Response answerFollowUp(@PathParam("id") String id, @QueryParam("token") String token,
                                   @HeaderParam(TOKEN_HEADER) String headerToken, byte[] body,
                                   @HeaderParam("Content-Type") String type, @HeaderParam("Idempotency-Key") String key,
                                   @HeaderParam("Accept") String accept) {
        return act(id, tokenOf(token, headerToken), "follow-up", type, body, key, accept,
                StatusPage.Form.FOLLOW_UP, StatusPage.Done.FOLLOW_UP_ANSWERED, r -> {
                    CustomerActions.FollowUpReply given = r.body(CustomerActions.FollowUpReply.class).valid();
                    FollowUpAnswer answer = new FollowUpAnswer(given.stayedSolved(), given.rating());
                    String comment = given.comment();
                    return (h, now) -> FollowUps.answer(h, answer, comment, work.customerActor(h.ticket()), now);
                });
    }

    /**
     * Reads the request, runs the action as the token's customer, and answers: JSON for an API client; for a form
     * post a redirect to the status page, or the status page with the problem when refused.
     *
     * @param read binds and validates the body (throwing {@link InvalidInputException}) and returns the domain action
     */
    private Response act(String id, String token, String action, String type, byte[] body, String key, String accept,
                         StatusPage.Form form, StatusPage.Done done,
                         Function<ActionRequest, TicketWorkService.TrailAction> read) {
        ActionRequest request = null;
        try {
            TicketId ticketId = AgentTicketResource.ticketId(id);
            request = ActionRequest.parse("POST", "/customer/tickets/" + id + "/" + action, type, body, null, key,
                    "customer:" + id);
            TicketWorkService.Done answered = work.actAsCustomerOnTrail(ticketId, token, request.guard(),
                    read.apply(request));
            var history = answered.history();
            var view = CustomerTicketView.of(history);
            if (wantsPage(request, accept)) {
                return Response.seeOther(URI.create(StatusPageResource.link(ticketId, token) + "&done=" + done.after(history).code
                        + "#notice")).build();
            }
            return TicketResource.replayed(Response.ok(view, MediaType.APPLICATION_JSON_TYPE), answered.replayed())
                    .build();
        } catch (InvalidInputException | TicketActionException | IllegalTransitionException e) {
            if (!wantsPage(request, accept)) {
                throw e;
            }
            JsonNode typed = request.json;
            StatusPage.Attempt attempt = e instanceof InvalidInputException invalid
                    ? new StatusPage.Attempt(form, typed, invalid.errors(), null)
                    : new StatusPage.Attempt(form, typed, List.of(), e.getMessage());
            return refusedPage(id, token, attempt, e instanceof InvalidInputException ? 400 : 409);
        } catch (TicketNotFoundException e) {
            if (!wantsPage(request, accept)) {
                throw e;
            }
            return StatusPageResource.notFound();
        }
    }

    /** A browser's form post: it reads the answer as a page. Any other client gets problem JSON. */
    private static boolean wantsPage(ActionRequest request, String accept) {
        return request != null && request.fromForm && Pages.answersFormWithPage(accept);
    }

    private Response refusedPage(String id, String token, StatusPage.Attempt attempt, int status) {
        try {
            var view = CustomerTicketView.of(work.customerView(AgentTicketResource.ticketId(id), token));
            return Response.status(status).type(Pages.HTML_UTF8).entity(StatusPage.render(view, token, null, attempt))
                    .build();
        } catch (TicketNotFoundException e) {
            return StatusPageResource.notFound(); // the token is checked before anything typed is shown back
        }
    }

    static String tokenOf(String query, String header) {
        return header != null && !header.isBlank() ? header : query;
    }
}
