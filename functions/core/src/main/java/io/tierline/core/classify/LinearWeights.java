package io.tierline.core.classify;

/**
 * One-vs-rest logistic regression weights laid out as liblinear trains them: feature-major ({@code column * vectors +
 * vector}), one weight vector per class, or a single vector for the first of two classes. Probabilities follow
 * liblinear's {@code predict_probability}: the sigmoid of each decision value, normalised to sum to one, so a model
 * scores here exactly as it scored in training.
 *
 * <p>Weights keep 16 significant bits (within 1.5e-5 of the trained value, far below what moves a probability in its
 * fourth digit): the trainer's last bits are noise to a decision but most of the model file, since they do not
 * compress. Rounding here, where every model is built, keeps "the saved model is the model evaluated" true.
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
        this.weights = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = significant16(weights[i]);
        }
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

    /** Rounds the 24-bit significand to 16 bits, half away from zero (the bit pattern is sign and magnitude). */
    static float significant16(float value) {
        if (!Float.isFinite(value)) {
            return value;
        }
        return Float.intBitsToFloat((Float.floatToRawIntBits(value) + 0x80) & 0xFFFFFF00);
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
