package io.tierline.core.intake;

import io.tierline.core.idempotency.IdempotencyKey;

/** The same idempotency key was sent again with a different request. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(IdempotencyKey key) {
        super("idempotency key " + key.value() + " was already used with a different request");
    }
}
