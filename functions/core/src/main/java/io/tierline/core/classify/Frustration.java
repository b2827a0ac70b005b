package io.tierline.core.classify;

import java.util.List;

/** How frustrated a ticket reads, 0 (calm) to 1, and why: the reasons rules and agents can show. */
public record Frustration(double score, List<FrustrationReason> reasons) {

    public Frustration {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
        reasons = List.copyOf(reasons);
    }

    public boolean atLeast(double threshold) {
        return score >= threshold;
    }
}
