package io.tierline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.validation.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document: every error of the API has this shape. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors)).build();
    }

    /** The 400 for input that names its faulty fields (or headers); nothing was stored. */
    public static Problem invalid(List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, "The request has " + errors.size()
                + (errors.size() == 1 ? " problem" : " problems") + "; nothing was stored.", errors);
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }
}
