package io.tierline.tools.classifier;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.tierline.core.classify.FeatureSpace;
import io.tierline.core.classify.LinearWeights;
import io.tierline.core.classify.SparseVector;
import io.tierline.core.classify.TermCounts;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.classify.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link TextClassifier} with liblinear: L2-regularised logistic regression, because its probabilities are
 * what the triage worker compares with a confidence threshold (an SVM's margins would need a separate calibration
 * step). Multi-class is one-vs-rest, one binary problem per label, run here rather than inside liblinear so the
 * problems train in parallel and the progress can say which label is training; each binary problem is the one
 * liblinear would solve itself, positives weighted by the label's class weight, negatives by 1.
 */
public final class ClassifierTrainer {

    private static final SolverType SOLVER = SolverType.L2R_LR_DUAL;
    private static final double STOPPING_TOLERANCE = 0.01;
    private static final int POSITIVE = 1;
    private static final int NEGATIVE = -1;

    private final TrainingSettings settings;
    private final Progress progress;

    public ClassifierTrainer(TrainingSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        Linear.disableDebugOutput();
    }

    public TextClassifier train(List<LabelledTicket> tickets, Map<String, String> metadata) {
        List<String> labels = labelsOf(tickets);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, found " + labels);
        }
        TextFeatures features = new TextFeatures(settings.features());
        List<TermCounts> counts = countTerms(tickets, features);
        FeatureSpace space = FeatureSpace.fit(counts, settings.minDf(), settings.features().hashBits());
        progress.detail(space.size() + " features occur in at least " + settings.minDf() + " training tickets");
        Feature[][] rows = new Feature[counts.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = toLiblinear(space.vectorize(counts.get(i)), space.size());
        }
        int[] classOf = new int[tickets.size()];
        int[] classSizes = new int[labels.size()];
        for (int i = 0; i < classOf.length; i++) {
            classOf[i] = labels.indexOf(tickets.get(i).label());
            classSizes[classOf[i]]++;
        }
        int vectors = labels.size() == 2 ? 1 : labels.size();
        float[][] vectorWeights = trainOneVsRest(rows, space.size(), classOf, classSizes, vectors);
        float[] weights = new float[space.size() * vectors];
        float[] intercepts = new float[vectors];
        for (int v = 0; v < vectors; v++) {
            for (int column = 0; column < space.size(); column++) {
                weights[column * vectors + v] = vectorWeights[v][column];
            }
            intercepts[v] = vectorWeights[v][space.size()];
        }
        return new TextClassifier(features, space, new LinearWeights(labels.size(), weights, intercepts), labels,
                metadata);
    }

    private List<TermCounts> countTerms(List<LabelledTicket> tickets, TextFeatures features) {
        Progress.Task task = progress.task("extracting features", tickets.size());
        List<TermCounts> counts = new ArrayList<>(tickets.size());
        for (LabelledTicket ticket : tickets) {
            counts.add(features.count(ticket.text()));
            task.advance();
        }
        return counts;
    }

    /** Vector {@code v} separates class {@code v} from all others; its last element is the intercept. */
    private float[][] trainOneVsRest(Feature[][] rows, int columns, int[] classOf, int[] classSizes, int vectors) {
        Progress.Task task = progress.task("training " + (vectors == 1 ? "binary" : vectors + " one-vs-rest"), vectors);
        int threads = Math.min(vectors, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int v = 0; v < vectors; v++) {
                int positiveClass = v;
                results.add(pool.submit(() -> {
                    float[] vector = trainBinary(rows, columns, classOf, classSizes, positiveClass);
                    task.advance();
                    return vector;
                }));
            }
            float[][] vectorWeights = new float[vectors][];
            for (int v = 0; v < vectors; v++) {
                vectorWeights[v] = results.get(v).get();
            }
            return vectorWeights;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private float[] trainBinary(Feature[][] rows, int columns, int[] classOf, int[] classSizes, int positiveClass) {
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = columns + 1;
        problem.bias = 1.0;
        problem.x = rows;
        problem.y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            problem.y[i] = classOf[i] == positiveClass ? POSITIVE : NEGATIVE;
        }
        Parameter parameter = new Parameter(SOLVER, settings.c(), STOPPING_TOLERANCE);
        parameter.setRandom(new Random(settings.seed() + positiveClass));
        parameter.setWeights(classWeights(classSizes, positiveClass), new int[] {POSITIVE, NEGATIVE});
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // liblinear's single binary vector scores its first label, the one of the first training row.
        double sign = model.getLabels()[0] == POSITIVE ? 1.0 : -1.0;
        float[] vector = new float[columns + 1];
        for (int j = 0; j <= columns; j++) {
            vector[j] = (float) (sign * w[j]);
        }
        return vector;
    }

    /**
     * Balanced weights are {@code tickets / (labels × tickets of the label)}, as in scikit-learn; for two labels the
     * negative side gets the other label's weight, for more it is "all others" and keeps weight 1, as in liblinear.
     */
    private double[] classWeights(int[] classSizes, int positiveClass) {
        if (!settings.balanced()) {
            return new double[] {1.0, 1.0};
        }
        int total = 0;
        for (int size : classSizes) {
            total += size;
        }
        double positive = balancedWeight(total, classSizes.length, classSizes[positiveClass]);
        double negative = classSizes.length == 2 ? balancedWeight(total, 2, classSizes[1 - positiveClass]) : 1.0;
        return new double[] {positive, negative};
    }

    private static double balancedWeight(int total, int classes, int classSize) {
        return (double) total / ((double) classes * classSize);
    }

    private static Feature[] toLiblinear(SparseVector vector, int columns) {
        Feature[] nodes = new Feature[vector.size() + 1];
        for (int i = 0; i < vector.size(); i++) {
            nodes[i] = new FeatureNode(vector.columns()[i] + 1, vector.values()[i]);
        }
        nodes[vector.size()] = new FeatureNode(columns + 1, 1.0);
        return nodes;
    }

    static List<String> labelsOf(List<LabelledTicket> tickets) {
        TreeSet<String> labels = new TreeSet<>(NaturalOrder.INSTANCE);
        for (LabelledTicket ticket : tickets) {
            labels.add(ticket.label());
        }
        return new ArrayList<>(labels);
    }
}
