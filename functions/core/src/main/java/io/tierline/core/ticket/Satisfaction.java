package io.tierline.core.ticket;

import java.time.Instant;

/** The customer's rating of a solved ticket: 1 (very unhappy) to 5 (very happy), with an optional comment. */
public record Satisfaction(int rating, String comment, Instant ratedAt) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public Satisfaction {
        if (rating < LOWEST || rating > HIGHEST) {
            throw new IllegalArgumentException("a rating is from " + LOWEST + " to " + HIGHEST);
        }
    }
}
