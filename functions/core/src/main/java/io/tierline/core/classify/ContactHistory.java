package io.tierline.core.classify;

/**
 * What the caller knows about the customer behind a ticket.
 *
 * @param earlierContacts   tickets or replies from this customer in the last {@code windowDays}, not counting this one
 * @param windowDays        the window those contacts were counted in
 * @param priorEscalations  earlier tickets of this customer that were escalated
 */
public record ContactHistory(int earlierContacts, int windowDays, int priorEscalations) {

    public static final ContactHistory NONE = new ContactHistory(0, 7, 0);

    public ContactHistory {
        if (earlierContacts < 0 || priorEscalations < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("the window must be at least one day");
        }
    }
}
