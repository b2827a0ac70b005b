package io.tierline.core.idempotency;

import io.tierline.core.validation.InvalidInputException;

/**
 * A client's key for "do this once", scoped by where it came from (api or intake) so two channels cannot collide.
 */
public record IdempotencyKey(String scope, String value) {
    public static final int MAX_LENGTH = 255;

    /** Validates a client-supplied key; {@code field} names it in the error (a header or a message attribute). */
    public static IdempotencyKey of(String scope, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(field, "must be 1 to 255 visible ASCII characters");
        }
        return new IdempotencyKey(scope, value);
    }

    @Override
    public String toString() {
        return scope + ":" + value;
    }
}
