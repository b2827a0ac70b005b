package io.tierline.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.knowledge.ArticleNotFoundException;
import io.tierline.core.knowledge.ArticleTransitionException;
import io.tierline.core.knowledge.ArticleVersionConflictException;
import io.tierline.core.ticket.IllegalTransitionException;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.work.EscalationNotFoundException;
import io.tierline.core.work.TicketNotFoundException;
import io.tierline.core.work.VersionConflictException;
import io.tierline.core.json.Json;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Maps every failure to a problem document; nothing leaks a stack trace to the client. As JAX-RS chooses exception
 * mappers, a failure goes to the mapper of its closest type: its own class, else the nearest superclass named here.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Map<Class<?>, Function<Throwable, Response>> byType = Map.ofEntries(
            on(InvalidInputException.class, this::invalid), on(JsonMappingException.class, this::unbound),
            on(JsonParseException.class, this::malformed), on(ConstraintViolationException.class, this::violated),
            on(IdempotencyConflictException.class, this::conflict), on(ForbiddenException.class, this::forbidden),
            on(TicketNotFoundException.class, this::notFound),
            on(EscalationNotFoundException.class, this::noSuchEscalation),
            on(VersionConflictException.class, this::versionConflict),
            on(IllegalTransitionException.class, this::illegalTransition),
            on(TicketActionException.class, this::refusedAction),
            on(ArticleNotFoundException.class, this::articleNotFound),
            on(ArticleVersionConflictException.class, this::articleVersionConflict),
            on(ArticleTransitionException.class, this::articleTransition),
            on(WebApplicationException.class, this::web), on(RuntimeException.class, this::unexpected));

    private static <T extends Throwable> Map.Entry<Class<?>, Function<Throwable, Response>> on(
            Class<T> type, Function<T, Response> mapper) {
        return Map.entry(type, failure -> mapper.apply(type.cast(failure)));
    }

    /** The answer to any failure of a request; one no mapper names (a checked exception, an error) is a 500. */
    public Response toResponse(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            Function<Throwable, Response> mapper = byType.get(type);
            if (mapper != null) {
                return mapper.apply(failure);
            }
        }
        return unexpected(new IllegalStateException(failure));
    }

    public Response invalid(InvalidInputException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(e.errors())).build();
    }

    /**
     * A body that Jackson could not bind, should one reach Jackson outside {@link RequestBinder} (which reports every
     * problem at once): the field's path and what it must be, as a {@link RequestBinder} problem says it.
     */
    public Response unbound(JsonMappingException e) {
        return invalid(new InvalidInputException(RequestBinder.path(e), RequestBinder.problem(e)));
    }

    /** Malformed JSON or a key given twice: where, as {@link Json#parse} says it. */
    public Response malformed(JsonParseException e) {
        return invalid(Json.invalid(e));
    }

    /** Bean Validation of a bound body: every violation, named by its field path, in path order. */
    public Response violated(ConstraintViolationException e) {
        return invalid(new InvalidInputException(e.getConstraintViolations().stream()
                .map(v -> new FieldError(RequestBinder.path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::problem)).toList()));
    }

    public Response conflict(IdempotencyConflictException e) {
        return Problem.response(409, "Idempotency key reused", e.getMessage());
    }

    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", e.getMessage());
    }

    public Response notFound(TicketNotFoundException e) {
        return Problem.response(404, "Not Found", e.getMessage());
    }

    public Response noSuchEscalation(EscalationNotFoundException e) {
        return Problem.response(404, "Not Found", e.getMessage());
    }

    public Response versionConflict(VersionConflictException e) {
        return staleVersion(e.getMessage(), e.currentVersion());
    }

    public Response illegalTransition(IllegalTransitionException e) {
        List<String> allowed = e.allowed().stream().map(Status::code).sorted().toList();
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new TransitionProblem("about:blank", "Conflict", 409, e.getMessage() + (allowed.isEmpty()
                        ? "; no move is allowed from " + e.from().code() : "; allowed: " + String.join(", ", allowed)),
                        e.from().code(), allowed))
                .build();
    }

    public Response refusedAction(TicketActionException e) {
        return Problem.response(409, "Conflict", e.getMessage());
    }

    public Response articleNotFound(ArticleNotFoundException e) {
        return Problem.response(404, "Not Found", e.getMessage());
    }

    public Response articleVersionConflict(ArticleVersionConflictException e) {
        return staleVersion(e.getMessage(), e.currentVersion());
    }

    /** A stale If-Match, of a ticket or an article: 409 with the current version as ETag and in the body. */
    private static Response staleVersion(String detail, long currentVersion) {
        return Response.status(409).type(Problem.MEDIA_TYPE).header("ETag", "\"" + currentVersion + "\"")
                .entity(new VersionProblem("about:blank", "Conflict", 409, detail, currentVersion))
                .build();
    }

    public Response articleTransition(ArticleTransitionException e) {
        return Problem.response(409, "Conflict", e.getMessage());
    }

    /** A 409 that tells the caller which version is current, so it can re-read and retry deliberately. */
    public record VersionProblem(String type, String title, int status, String detail, long currentVersion) {
    }

    /** A 409 that lists the status moves the lifecycle allows from here. */
    public record TransitionProblem(String type, String title, int status, String detail, String currentStatus,
                                    List<String> allowedStatuses) {
    }

    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        if (Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        int status = original.getStatus();
        Response problem = Problem.response(status, original.getStatusInfo().getReasonPhrase(), e.getMessage());
        String allowed = original.getHeaderString("Allow");
        // a 405 says what the path takes (RFC 9110 section 15.5.6)
        return allowed == null ? problem : Response.fromResponse(problem).header("Allow", allowed).build();
    }

    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal Server Error", "Something went wrong on our side; please retry.");
    }
}
