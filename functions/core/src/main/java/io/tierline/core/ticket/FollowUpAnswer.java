package io.tierline.core.ticket;

/**
 * The customer's answer to a follow-up.
 *
 * @param stayedSolved whether the problem stayed solved; false reopens the ticket
 * @param rating       1 to 5 when they rated with it, else null
 */
public record FollowUpAnswer(boolean stayedSolved, Integer rating) {
    public FollowUpAnswer {
        if (rating != null && (rating < Satisfaction.LOWEST || rating > Satisfaction.HIGHEST)) {
            throw new IllegalArgumentException("a rating is from " + Satisfaction.LOWEST + " to "
                    + Satisfaction.HIGHEST);
        }
    }
}
