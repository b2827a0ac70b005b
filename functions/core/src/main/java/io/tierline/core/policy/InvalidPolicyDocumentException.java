package io.tierline.core.policy;

import io.tierline.core.validation.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy document a function was configured with is invalid: the function must not start, and says why with
 * every problem by path, one per line, so an operator fixes them all at once.
 */
public class InvalidPolicyDocumentException extends IllegalStateException {
    private final List<FieldError> errors;

    public InvalidPolicyDocumentException(String source, List<FieldError> errors) {
        super("The policy document " + source + " is invalid (" + errors.size() + " problem"
                + (errors.size() == 1 ? "" : "s") + "):" + errors.stream()
                .map(e -> "\n  " + e.field() + ": " + e.problem()).collect(Collectors.joining()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
