package io.tierline.core.classify;

/**
 * Combines independent pieces of evidence, each a weight in 0..1, as a noisy OR: {@code 1 - Π(1 - w)}. The result
 * stays within 0..1, grows with every piece, and one strong piece counts for more than several weak ones.
 */
final class Evidence {

    private double complement = 1.0;

    void add(double weight) {
        complement *= 1.0 - Math.max(0.0, Math.min(1.0, weight));
    }

    double score() {
        return 1.0 - complement;
    }
}
