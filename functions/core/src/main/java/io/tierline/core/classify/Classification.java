package io.tierline.core.classify;

import java.util.List;

/** Every label of a model with its probability, most likely first; the probabilities sum to one. */
public record Classification(List<Prediction> ranked) {

    public Classification {
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a classification ranks at least one label");
        }
        ranked = List.copyOf(ranked);
    }

    public Prediction best() {
        return ranked.get(0);
    }

    public List<Prediction> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /** The probability of {@code label}, 0 when the model does not know the label. */
    public double probabilityOf(String label) {
        for (Prediction prediction : ranked) {
            if (prediction.label().equals(label)) {
                return prediction.confidence();
            }
        }
        return 0.0;
    }
}
