package io.tierline.tools.classifier;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything the evaluation report says: the data, the split, the settings, and the held-out figures of the model
 * beside those of the majority-class baseline.
 */
public record TrainingReport(String name, String dataFile, List<String> textColumns, String labelColumn,
                             int rows, int skippedRows, int labels, int trainRows, int testRows, double testShare,
                             long seed, String features, int minDf, double c, String classWeight, int featureCount,
                             String modelFile, long modelBytes, Evaluation model, String baselineLabel,
                             Evaluation baseline, Targets targets, List<SplitFigures> extraSplits, String command) {

    public TrainingReport {
        textColumns = List.copyOf(textColumns);
        extraSplits = List.copyOf(extraSplits);
    }

    /** Held-out figures of the same settings on another stratified split: how much the figures depend on the split. */
    public record SplitFigures(long seed, double accuracy, double macroF1) {
    }

    /** The figures the run was asked to reach, if any, and whether it did. */
    public record Targets(Double accuracy, Double macroF1, boolean met) {

        static Targets of(OptionalDouble accuracy, OptionalDouble macroF1, Evaluation evaluation) {
            boolean met = (accuracy.isEmpty() || evaluation.accuracy() >= accuracy.getAsDouble())
                    && (macroF1.isEmpty() || evaluation.macroF1() >= macroF1.getAsDouble());
            return new Targets(accuracy.isPresent() ? accuracy.getAsDouble() : null,
                    macroF1.isPresent() ? macroF1.getAsDouble() : null, met);
        }

        boolean any() {
            return accuracy != null || macroF1 != null;
        }
    }
}
