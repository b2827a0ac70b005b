package io.tierline.tools.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes a {@link TrainingReport} as Markdown (for people and the repository) and JSON (for tools). Both hold only
 * what the seed determines, no timings or absolute paths, so the same run writes the same bytes.
 */
public final class ReportWriter {

    /** Beyond this many labels the confusion matrix is too wide to read and is left out of the Markdown. */
    private static final int MAX_CONFUSION_LABELS = 12;

    private ReportWriter() {
    }

    public static void write(TrainingReport report, Path prefix) throws IOException {
        Path parent = prefix.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(parent.resolve(prefix.getFileName() + ".md"), markdown(report), StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(parent.resolve(prefix.getFileName() + ".json").toFile(), report);
    }

    public static String markdown(TrainingReport r) {
        TrainingReport.Data data = r.data();
        TrainingReport.Split split = r.split();
        TrainingReport.Settings settings = r.settings();
        TrainingReport.Results results = r.results();
        StringBuilder md = new StringBuilder();
        md.append("# Classifier evaluation: ").append(r.name()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "data", "`" + data.dataFile() + "`: " + data.rows() + " rows with a label"
                + (data.skippedRows() > 0 ? " (" + data.skippedRows() + " without one skipped)" : ""));
        row(md, "text → label", code(String.join(" + ", data.textColumns())) + " → " + code(data.labelColumn())
                + " (" + data.labels() + " labels)");
        row(md, "split", "stratified, " + percent(split.testShare()) + " held out, seed " + split.seed() + ": "
                + split.trainRows() + " train / " + split.testRows() + " test");
        row(md, "features", settings.features() + "; TF-IDF, sublinear tf, L2-normalised; min df " + settings.minDf()
                + " → " + settings.featureCount() + " features");
        row(md, "model", "one-vs-rest L2 logistic regression (liblinear), C = " + trimmed(settings.c())
                + ", class weight " + settings.classWeight());
        row(md, "model file", code(r.modelFile().name()) + ", " + kib(r.modelFile().bytes()));
        md.append("\n## Held-out results\n\n");
        md.append("| | accuracy | macro-F1 | weighted F1 |\n|---|---:|---:|---:|\n");
        md.append("| **model** | **").append(fmt(results.model().accuracy())).append("** | **")
                .append(fmt(results.model().macroF1())).append("** | ").append(fmt(results.model().weightedF1()))
                .append(" |\n");
        md.append("| majority baseline (always `").append(results.baselineLabel()).append("`) | ")
                .append(fmt(results.baseline().accuracy())).append(" | ").append(fmt(results.baseline().macroF1()))
                .append(" | ")
                .append(fmt(results.baseline().weightedF1())).append(" |\n");
        if (results.targets().any()) {
            md.append("\nTargets: ");
            if (results.targets().accuracy() != null) {
                md.append("accuracy ≥ ").append(fmt(results.targets().accuracy())).append(" ");
            }
            if (results.targets().macroF1() != null) {
                md.append("macro-F1 ≥ ").append(fmt(results.targets().macroF1())).append(" ");
            }
            md.append("— **").append(results.targets().met() ? "met" : "NOT met").append("**.\n");
        }
        if (!results.extraSplits().isEmpty()) {
            appendSpread(md, r);
        }
        md.append("\n## Per label (held-out)\n\n");
        md.append("| label | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (ClassMetrics m : results.model().perClass()) {
            md.append("| ").append(m.label()).append(" | ").append(m.support()).append(" | ")
                    .append(fmt(m.precision())).append(" | ").append(fmt(m.recall())).append(" | ")
                    .append(fmt(m.f1())).append(" |\n");
        }
        if (results.model().perClass().size() <= MAX_CONFUSION_LABELS) {
            appendConfusion(md, results.model());
        }
        md.append("\n## Reproduce\n\n```bash\n").append(r.command()).append("\n```\n");
        return md.toString();
    }

    private static void appendSpread(StringBuilder md, TrainingReport r) {
        TrainingReport.Split split = r.split();
        TrainingReport.Results results = r.results();
        List<TrainingReport.SplitFigures> all = new ArrayList<>();
        all.add(new TrainingReport.SplitFigures(split.seed(), results.model().accuracy(), results.model().macroF1()));
        all.addAll(results.extraSplits());
        md.append("\n### The same settings on other splits\n\n");
        md.append("How much the figures owe to one split: the same training on ").append(all.size())
                .append(" stratified splits (seed ").append(split.seed()).append(" is the one above).\n\n");
        md.append("| seed | accuracy | macro-F1 |\n|---:|---:|---:|\n");
        for (TrainingReport.SplitFigures f : all) {
            md.append("| ").append(f.seed()).append(" | ").append(fmt(f.accuracy())).append(" | ")
                    .append(fmt(f.macroF1())).append(" |\n");
        }
        md.append("| **mean ± sd** | **").append(meanAndSd(all, TrainingReport.SplitFigures::accuracy))
                .append("** | **").append(meanAndSd(all, TrainingReport.SplitFigures::macroF1)).append("** |\n");
    }

    private static String meanAndSd(List<TrainingReport.SplitFigures> figures,
                                    ToDoubleFunction<TrainingReport.SplitFigures> value) {
        double mean = figures.stream().mapToDouble(value).average().orElse(0);
        double variance = figures.stream().mapToDouble(value).map(v -> (v - mean) * (v - mean)).sum()
                / Math.max(1, figures.size() - 1);
        return fmt(mean) + " ± " + fmt(Math.sqrt(variance));
    }

    private static void appendConfusion(StringBuilder md, Evaluation evaluation) {
        List<ClassMetrics> labels = evaluation.perClass();
        md.append("\n## Confusion matrix (rows: true label, columns: predicted)\n\n| |");
        labels.forEach(m -> md.append(' ').append(m.label()).append(" |"));
        md.append("\n|---|");
        labels.forEach(m -> md.append("---:|"));
        md.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            md.append("| **").append(labels.get(i).label()).append("** |");
            for (int count : evaluation.confusion()[i]) {
                md.append(' ').append(count).append(" |");
            }
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String trimmed(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }
}
