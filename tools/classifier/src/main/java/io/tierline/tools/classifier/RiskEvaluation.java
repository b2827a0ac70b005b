package io.tierline.tools.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well a score ranks and predicts "escalated" on held-out tickets: AUC (the chance a random escalated ticket
 * scores above a random other one, ties counting half), accuracy at 0.5 beside the majority baseline, and calibration
 * by decile (tickets sorted by score, ten equal groups: the mean score against the share that escalated).
 */
public record RiskEvaluation(int examples, int escalated, double auc, double accuracy, double majorityAccuracy,
                             List<Decile> calibration) {

    public record Decile(int decile, int tickets, double meanScore, double escalatedShare) {
    }

    public static RiskEvaluation of(double[] scores, boolean[] truth) {
        int n = scores.length;
        int positives = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            positives += truth[i] ? 1 : 0;
            correct += (scores[i] >= 0.5) == truth[i] ? 1 : 0;
        }
        double majority = (double) Math.max(positives, n - positives) / n;
        return new RiskEvaluation(n, positives, auc(scores, truth), (double) correct / n, majority,
                deciles(scores, truth));
    }

    /** Mann-Whitney U over average ranks, so tied scores (common for the hand-weighted one) count half. */
    public static double auc(double[] scores, boolean[] truth) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]]) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both escalated and other tickets in the held-out set");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    private static List<Decile> deciles(double[] scores, boolean[] truth) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = d * scores.length / 10;
            int to = (d + 1) * scores.length / 10;
            if (to == from) {
                continue;
            }
            double sum = 0;
            int escalated = 0;
            for (int k = from; k < to; k++) {
                sum += scores[order[k]];
                escalated += truth[order[k]] ? 1 : 0;
            }
            deciles.add(new Decile(d + 1, to - from, sum / (to - from), (double) escalated / (to - from)));
        }
        return deciles;
    }
}
