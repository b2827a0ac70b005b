package io.tierline.core.classify;

/**
 * One-vs-rest logistic regression weights laid out as liblinear trains them: feature-major ({@code column * vectors +
 * vector}), one weight vector per class, or a single vector for the first of two classes. Probabilities follow
 * liblinear's {@code predict_probability}: the sigmoid of each decision value, normalised to sum to one, so a model
 * scores here exactly as it scored in training.
 */
public final class LinearWeights {

    private final int classes;
    private final int vectors;
    private final float[] weights;
    private final float[] intercepts;

    public LinearWeights(int classes, float[] weights, float[] intercepts) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes");
        }
        this.classes = classes;
        this.vectors = classes == 2 ? 1 : classes;
        if (intercepts.length != vectors || weights.length % vectors != 0) {
            throw new IllegalArgumentException("expected " + vectors + " weight vectors for " + classes + " classes");
        }
        this.weights = weights.clone();
        this.intercepts = intercepts.clone();
    }

    public int classes() {
        return classes;
    }

    public int columns() {
        return weights.length / vectors;
    }

    public double[] probabilities(SparseVector vector) {
        double[] decision = new double[vectors];
        for (int v = 0; v < vectors; v++) {
            decision[v] = intercepts[v];
        }
        int[] columns = vector.columns();
        float[] values = vector.values();
        for (int i = 0; i < columns.length; i++) {
            int offset = columns[i] * vectors;
            float value = values[i];
            for (int v = 0; v < vectors; v++) {
                decision[v] += value * weights[offset + v];
            }
        }
        double[] probabilities = new double[classes];
        if (classes == 2) {
            probabilities[0] = sigmoid(decision[0]);
            probabilities[1] = 1.0 - probabilities[0];
            return probabilities;
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            probabilities[c] = sigmoid(decision[c]);
            sum += probabilities[c];
        }
        for (int c = 0; c < classes; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    float[] weights() {
        return weights.clone();
    }

    float[] intercepts() {
        return intercepts.clone();
    }
}
