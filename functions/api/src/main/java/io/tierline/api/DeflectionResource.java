package io.tierline.api;

import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.ArticleNotFoundException;
import io.tierline.core.knowledge.Deflection;
import io.tierline.core.knowledge.KnowledgeCounts;
import io.tierline.core.request.DeflectionRequest;
import io.tierline.core.request.Origin;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.request.VoteRequest;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The customer's answers to the knowledge base, without signing in: "this solved my problem" on the support form (a
 * deflection: no ticket) and "was this article helpful?" on the public article page, as JSON and as plain HTML form
 * posts. Each is counted once per form key or Idempotency-Key.
 */
@Singleton
@Path("/")
public class DeflectionResource {
    private static final String VOTE_FIELD = "helpful";

    @Inject
    Deflection deflection;

    /**
     * "This solved my problem": JSON, or the support form's button (formaction), whose post carries the form's fields
     * and key plus the article and is answered with the thank-you page.
     */
    @POST
    @Path("kb/deflections")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeflectionRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = DeflectionRequest.class))})
    public Response deflect(byte[] body, @HeaderParam("Content-Type") String type) {
        RequestBodies.Parsed parsed = RequestBodies.parse(type, body);
        if (parsed.fromForm()) {
            String key = parsed.formKey() != null ? parsed.formKey() : Pages.newKey();
            try {
                Deflection.Solved solved = deflection.solved(new ArticleId(parsed.json().path("article").asText("")),
                        key);
                return Response.ok(PageTemplates.solved(new SolvedModel(solved.article().content().title(),
                        "/help/articles/" + solved.article().id().value())).render(), Pages.HTML_UTF8).build();
            } catch (ArticleNotFoundException | InvalidInputException e) {
                return StatusPageResource.notFound();
            }
        }
        DeflectionRequest request = RequestBinder.read(parsed.json(), DeflectionRequest.class, Origin.JSON);
        Deflection.Solved solved = deflection.solved(new ArticleId(request.article()), request.formKey());
        return Response.status(solved.counted() ? 201 : 200).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("article", request.article(), "deflected", true, "counted", solved.counted())).build();
    }

    /**
     * "Was this article helpful?": JSON (once per Idempotency-Key), or the article page's Yes / No form (once per
     * page view's form key), answered with the page again, thanked.
     */
    @POST
    @Path("kb/articles/{id}/votes")
    @Produces({MediaType.APPLICATION_JSON, Pages.HTML_UTF8})
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VoteRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = VoteRequest.class))})
    public Response vote(@PathParam("id") String id, byte[] body, @HeaderParam("Content-Type") String type,
                         @HeaderParam(TicketResource.IDEMPOTENCY_HEADER) String key) {
        RequestBodies.Parsed parsed = RequestBodies.parse(type, body);
        if (parsed.fromForm()) {
            String answer = parsed.json().path(VOTE_FIELD).asText("");
            try {
                ArticleId article = new ArticleId(id);
                if (answer.equals("true") || answer.equals("false")) {
                    deflection.vote(article, Boolean.parseBoolean(answer),
                            parsed.formKey() != null ? parsed.formKey() : Pages.newKey());
                    return Response.seeOther(URI.create("/help/articles/" + id + "?voted=1")).build();
                }
                return Response.seeOther(URI.create("/help/articles/" + id)).build();
            } catch (ArticleNotFoundException | InvalidInputException e) {
                return StatusPageResource.notFound();
            }
        }
        ArticleId article = new ArticleId(id);
        Optional<IdempotencyKey> once = Optional.ofNullable(key)
                .map(k -> IdempotencyKey.of("api", k, TicketResource.IDEMPOTENCY_HEADER));
        VoteRequest request = RequestBinder.read(parsed.json(), VoteRequest.class, Origin.JSON);
        KnowledgeCounts.Outcome outcome = deflection.vote(article, request.helpful(),
                once.map(IdempotencyKey::value).orElseGet(Pages::newKey));
        if (outcome == KnowledgeCounts.Outcome.KEY_USED_FOR_OTHER_COUNTERS) {
            throw new IdempotencyConflictException(once.orElseThrow());
        }
        boolean counted = outcome.counted();
        return Response.status(counted ? 201 : 200).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("article", id, "helpful", request.helpful(), "counted", counted)).build();
    }
}
