package io.tierline.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be accepted, with every problem found (not only the first). Nothing has been stored. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.problem()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String problem) {
        this(List.of(new FieldError(field, problem)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
