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

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }
}
