package io.tierline.core.message;

/**
 * A message that can never be processed, however often it is delivered: malformed JSON, an unknown or missing
 * {@code type}, a missing, null or ill-typed field. Workers move it to their dead-letter queue at once, with this
 * message (which names the field) as the reason, instead of letting SQS retry it.
 */
public class PoisonMessageException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public PoisonMessageException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's JSON path ("at", "details.kind"), or "$" for the message as a whole. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

}
