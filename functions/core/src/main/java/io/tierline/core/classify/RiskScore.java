package io.tierline.core.classify;

import java.util.List;

/** How likely a ticket needs tier 2 or above, 0..1, where the figure came from, and why. */
public record RiskScore(double score, Source source, List<String> reasons) {

    public enum Source {
        /** The probability of a classifier trained on tickets with known tiers. */
        MODEL,
        /** The hand-weighted fallback used when no model is configured; ranks tickets, is not a probability. */
        HEURISTIC
    }

    public RiskScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
        reasons = List.copyOf(reasons);
    }

    public boolean atLeast(double threshold) {
        return score >= threshold;
    }
}
