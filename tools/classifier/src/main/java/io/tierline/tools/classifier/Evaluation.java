package io.tierline.tools.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well predictions match the truth. Per-label figures cover every label that is either true or predicted at least
 * once (scikit-learn's convention), a label never predicted has precision 0, and macro-F1 is the unweighted mean of
 * the per-label F1, so rare labels count as much as the majority one.
 *
 * @param confusion rows are true labels, columns predicted labels, both in the order of {@code perClass}
 */
public record Evaluation(int examples, double accuracy, double macroF1, double weightedF1,
                         List<ClassMetrics> perClass, int[][] confusion) {

    public Evaluation {
        perClass = List.copyOf(perClass);
    }

    public static Evaluation of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true labels but " + predicted.size() + " predictions");
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        TreeSet<String> labelSet = new TreeSet<>(NaturalOrder.INSTANCE);
        labelSet.addAll(truth);
        labelSet.addAll(predicted);
        List<String> labels = new ArrayList<>(labelSet);
        Map<String, Integer> index = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[][] confusion = new int[labels.size()][labels.size()];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            confusion[index.get(truth.get(i))][index.get(predicted.get(i))]++;
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        double weightedF1Sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            int truePositives = confusion[c][c];
            int support = rowSum(confusion, c);
            int predictedCount = columnSum(confusion, c);
            double precision = ratio(truePositives, predictedCount);
            double recall = ratio(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
            f1Sum += f1;
            weightedF1Sum += f1 * support;
        }
        return new Evaluation(truth.size(), (double) correct / truth.size(), f1Sum / labels.size(),
                weightedF1Sum / truth.size(), perClass, confusion);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static int rowSum(int[][] matrix, int row) {
        int sum = 0;
        for (int value : matrix[row]) {
            sum += value;
        }
        return sum;
    }

    private static int columnSum(int[][] matrix, int column) {
        int sum = 0;
        for (int[] row : matrix) {
            sum += row[column];
        }
        return sum;
    }
}
