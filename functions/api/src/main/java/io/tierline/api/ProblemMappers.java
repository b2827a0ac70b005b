package io.tierline.api;

import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.validation.InvalidInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to a problem document; nothing leaks a stack trace to the client. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.response(400, "Invalid request", "The request has " + e.errors().size()
                + (e.errors().size() == 1 ? " problem" : " problems") + "; nothing was stored.", e.errors());
    }

    @ServerExceptionMapper
    public Response conflict(IdempotencyConflictException e) {
        return Problem.response(409, "Idempotency key reused", e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        if (Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        int status = original.getStatus();
        return Problem.response(status, original.getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal Server Error", "Something went wrong on our side; please retry.");
    }
}
