package io.tierline.core.classify;

/** A label and the model's probability for it, 0..1. */
public record Prediction(String label, double confidence) {

    public Prediction {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    public boolean atLeast(double threshold) {
        return confidence >= threshold;
    }
}
