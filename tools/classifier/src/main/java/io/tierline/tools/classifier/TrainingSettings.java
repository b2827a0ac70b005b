package io.tierline.tools.classifier;

import io.tierline.core.classify.FeatureSettings;

/**
 * How a classifier is trained.
 *
 * @param features      which n-grams are hashed into features
 * @param minDf         a feature must occur in at least this many training tickets
 * @param c             inverse regularisation strength of the logistic regression (larger fits the data more closely)
 * @param balanced      weight each label inversely to its frequency, so rare teams are not drowned by the majority
 * @param seed          seeds the solver's shuffling, so training is reproducible
 */
public record TrainingSettings(FeatureSettings features, int minDf, double c, boolean balanced, long seed) {

    /**
     * Chosen by repeated held-out validation inside the Endava training part (never its test part): balanced weights
     * for macro-F1 on unbalanced labels, moderate C. Routing data with a large majority team and an accuracy goal
     * does better with {@code --class-weight none} and a larger C; see tools/classifier/README.md.
     */
    public static final TrainingSettings DEFAULT = new TrainingSettings(FeatureSettings.DEFAULT, 2, 3.0, true, 42);

    public TrainingSettings {
        if (minDf < 1) {
            throw new IllegalArgumentException("min document frequency must be at least 1, was " + minDf);
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be positive, was " + c);
        }
    }
}
