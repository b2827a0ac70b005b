package io.tierline.core.request;

/**
 * A body with checks that hold only in some cases (a refused transfer needs a reason; a reason is required in JSON
 * but not from the status page's button): those constraints sit in the group {@link WhenRequired}.
 */
public interface Conditional {
    /** Whether the {@link WhenRequired} constraints apply to this body, as sent from {@code origin}. */
    boolean requires(Origin origin);

    /** The validation group of the constraints that apply only when {@link #requires} says so. */
    interface WhenRequired {
    }
}
