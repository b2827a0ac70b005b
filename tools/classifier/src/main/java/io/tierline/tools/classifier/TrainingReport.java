package io.tierline.tools.classifier;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything the evaluation report says: the data, the split, the settings, the model file, and the held-out figures
 * of the model beside those of the majority-class baseline. The JSON report is one flat object: the parts are
 * written inline, in this order.
 */
public record TrainingReport(String name, @JsonUnwrapped Data data, @JsonUnwrapped Split split,
                             @JsonUnwrapped Settings settings, @JsonUnwrapped ModelFile modelFile,
                             @JsonUnwrapped Results results, String command) {

    /**
     * The data read.
     *
     * @param rows        rows with a label
     * @param skippedRows rows without one, skipped
     * @param labels      distinct labels
     */
    public record Data(String dataFile, List<String> textColumns, String labelColumn, int rows, int skippedRows,
                       int labels) {
        public Data {
            textColumns = List.copyOf(textColumns);
        }
    }

    /** The stratified split: how many rows trained and tested, the share held out, and its seed. */
    public record Split(int trainRows, int testRows, double testShare, long seed) {
    }

    /** How the model was trained, and how many features that gave. */
    public record Settings(String features, int minDf, double c, String classWeight, int featureCount) {
    }

    public record ModelFile(@JsonProperty("modelFile") String name, @JsonProperty("modelBytes") long bytes) {
    }

    /**
     * The held-out figures.
     *
     * @param extraSplits the same settings on other splits: how much the figures depend on the split
     */
    public record Results(Evaluation model, String baselineLabel, Evaluation baseline, Targets targets,
                          List<SplitFigures> extraSplits) {
        public Results {
            extraSplits = List.copyOf(extraSplits);
        }
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
