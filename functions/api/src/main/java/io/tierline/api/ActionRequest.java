package io.tierline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.intake.Sha256;
import io.tierline.core.request.Origin;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.work.TicketWorkService.Guard;
import java.util.Optional;

/**
 * The body and guard headers of an action on a ticket: the body bound to its record and validated all at once,
 * {@code If-Match} as the version the caller saw, {@code Idempotency-Key} so a retried request acts once.
 */
final class ActionRequest {
    /** What the body said, as JSON (a form post read into the same shape), to show a refused form again. */
    final JsonNode json;
    /** True for a plain HTML form post (a browser), which is answered with a page rather than JSON. */
    final boolean fromForm;
    private final Guard guard;

    private ActionRequest(JsonNode json, Guard guard, boolean fromForm) {
        this.json = json;
        this.guard = guard;
        this.fromForm = fromForm;
    }

    static ActionRequest parse(String method, String path, String contentType, byte[] body, String ifMatch,
                               String idempotencyKey, String keyScope) {
        RequestBodies.Parsed parsed = RequestBodies.parse(contentType == null && (body == null || body.length == 0)
                ? RequestBodies.JSON : contentType, body == null || body.length == 0 ? "{}".getBytes() : body);
        Optional<Long> expected = Optional.ofNullable(ifMatch).map(ActionRequest::version);
        // a form carries its own key in a hidden field, so a double-clicked submit acts once
        Optional<IdempotencyKey> key = idempotencyKey != null
                ? Optional.of(IdempotencyKey.of(keyScope, idempotencyKey, TicketResource.IDEMPOTENCY_HEADER))
                : Optional.ofNullable(parsed.formKey())
                .map(k -> IdempotencyKey.of(keyScope, k, RequestBodies.FORM_KEY_FIELD));
        String fingerprint = Sha256.hex(method + " " + path + " " + parsed.json());
        return new ActionRequest(parsed.json(), new Guard(expected, key, fingerprint), parsed.fromForm());
    }

    Guard guard() {
        return guard;
    }

    /** The body bound to {@code type}, with its problems so far; {@link RequestBinder.Bound#valid()} throws them. */
    <T> RequestBinder.Bound<T> body(Class<T> type) {
        return RequestBinder.bind(json, type, fromForm ? Origin.FORM : Origin.JSON);
    }

    private static long version(String ifMatch) {
        String bare = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(bare);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ticket version from its ETag, e.g. \"3\"");
        }
    }

}
