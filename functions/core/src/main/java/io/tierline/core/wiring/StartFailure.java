package io.tierline.core.wiring;

import io.tierline.core.policy.InvalidPolicyDocumentException;
import java.util.function.Supplier;

/**
 * Quarkus's Lambda handlers start the application in their constructor, while Lambda initialises the function, and
 * wrap a failure as "Quarkus manual initialization failed". Lambda reports only the outermost message as the init
 * error, so the handlers of template.yaml rethrow the cause that says what to fix.
 */
public final class StartFailure {
    private StartFailure() {
    }

    /**
     * Makes the handler that starts Quarkus.
     *
     * @throws InvalidPolicyDocumentException itself, listing every problem, when the policy document is invalid
     */
    public static <T> T reported(Supplier<T> startingHandler) {
        try {
            return startingHandler.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidPolicyDocumentException invalid) {
                    throw invalid;
                }
            }
            throw e;
        }
    }
}
