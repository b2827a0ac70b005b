package io.tierline.tools.classifier;

import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Trains a ticket classifier from a CSV of past tickets, evaluates it on a stratified held-out split beside the
 * majority-class baseline, and writes the model file and the evaluation report. See {@link TrainingOptions#USAGE}.
 *
 * <p>The saved model is the one evaluated (trained on the training part only), so the report describes exactly the
 * file it sits beside.
 */
public final class TrainClassifier {

    static final String COMMAND = "java -jar tools/classifier/target/tierline-classifier.jar";
    private static final int TARGET_MISSED = 2;
    private static final int BAD_USAGE = 64;

    private TrainClassifier() {
    }

    public static void main(String[] args) throws IOException {
        if (TrainingOptions.wantsHelp(args)) {
            System.out.println(TrainingOptions.USAGE);
            return;
        }
        TrainingOptions options;
        try {
            options = TrainingOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + TrainingOptions.USAGE);
            System.exit(BAD_USAGE);
            return;
        }
        TrainingReport report = run(options, commandOf(args), new Progress(System.out));
        if (!report.results().targets().met()) {
            System.exit(TARGET_MISSED);
        }
    }

    public static TrainingReport run(TrainingOptions options, String command, Progress progress) throws IOException {
        long started = System.nanoTime();
        progress.stage("Reading " + options.input().csv());
        TrainingOptions.Input input = options.input();
        TicketCsv.Contents contents = TicketCsv.read(input.csv(), input.textColumns(), input.labelColumn());
        List<LabelledTicket> tickets = options.escalationModel()
                ? asEscalationLabels(contents.tickets(), options) : contents.tickets();
        List<String> labels = ClassifierTrainer.labelsOf(tickets);
        Map<String, String> names = options.input().labelNames().isPresent()
                ? LabelNames.read(options.input().labelNames().get(), labels) : Map.of();
        progress.detail(tickets.size() + " tickets, " + labels.size() + " labels" + (contents.skippedWithoutLabel() > 0
                ? ", " + contents.skippedWithoutLabel() + " rows without a label skipped" : ""));

        StratifiedSplit split = StratifiedSplit.of(tickets, options.assessment().testShare(), options.seed());
        progress.stage(String.format(Locale.ROOT, "Stratified split, %.0f %% held out, seed %d: %d train / %d test",
                options.assessment().testShare() * 100, options.seed(), split.train().size(), split.test().size()));

        progress.stage("Training (" + options.training().features() + ", C " + options.training().c()
                + ", class weight " + classWeight(options) + ")");
        TextClassifier model = new ClassifierTrainer(options.training(), progress)
                .train(split.train(), metadata(options, split));

        progress.stage("Evaluating on the " + split.test().size() + " held-out tickets");
        Evaluation evaluation = evaluate(model, split.test(), progress);
        String majority = majorityLabel(split.train());
        Evaluation baseline = Evaluation.of(truth(split.test()),
                Collections.nCopies(split.test().size(), majority));

        List<TrainingReport.SplitFigures> extraSplits = evaluateExtraSplits(options, tickets, progress);

        Path modelFile = options.output().model();
        if (modelFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(modelFile.toAbsolutePath().getParent());
        }
        (names.isEmpty() ? model : model.withLabelNames(names)).save(modelFile);
        TrainingReport report = new TrainingReport(options.output().name(),
                new TrainingReport.Data(options.input().csv().getFileName().toString(), options.input().textColumns(),
                        options.input().labelColumn(), tickets.size(), contents.skippedWithoutLabel(), labels.size()),
                new TrainingReport.Split(split.train().size(), split.test().size(), options.assessment().testShare(),
                        options.seed()),
                new TrainingReport.Settings(options.training().features().toString(), options.training().minDf(),
                        options.training().c(), classWeight(options), model.featureCount()),
                new TrainingReport.ModelFile(modelFile.getFileName().toString(), Files.size(modelFile)),
                new TrainingReport.Results(evaluation, majority, baseline,
                        TrainingReport.Targets.of(options.assessment().targetAccuracy(),
                                options.assessment().targetMacroF1(), evaluation),
                        extraSplits),
                command);
        progress.stage("Model written to " + modelFile + " (" + Files.size(modelFile) / 1024 + " KiB)");
        if (options.output().report().isPresent()) {
            ReportWriter.write(report, options.output().report().get());
            progress.stage("Report written to " + options.output().report().get() + ".md and .json");
        }
        printSummary(report, (System.nanoTime() - started) / 1e9, progress);
        return report;
    }

    private static Evaluation evaluate(TextClassifier model, List<LabelledTicket> test, Progress progress) {
        Progress.Task task = progress.task("classifying", test.size());
        List<String> predicted = new ArrayList<>(test.size());
        for (LabelledTicket ticket : test) {
            predicted.add(model.classify(ticket.text()).best().label());
            task.advance();
        }
        return Evaluation.of(truth(test), predicted);
    }

    private static List<TrainingReport.SplitFigures> evaluateExtraSplits(TrainingOptions options,
                                                                         List<LabelledTicket> tickets,
                                                                         Progress progress) {
        List<TrainingReport.SplitFigures> figures = new ArrayList<>();
        if (options.assessment().extraSplits() > 0) {
            progress.stage("Training and evaluating on " + options.assessment().extraSplits() + " more splits");
        }
        for (int i = 1; i <= options.assessment().extraSplits(); i++) {
            long seed = options.seed() + i;
            StratifiedSplit split = StratifiedSplit.of(tickets, options.assessment().testShare(), seed);
            TextClassifier model = new ClassifierTrainer(options.training(), Progress.silent())
                    .train(split.train(), Map.of());
            Evaluation evaluation = evaluate(model, split.test(), Progress.silent());
            figures.add(new TrainingReport.SplitFigures(seed, evaluation.accuracy(), evaluation.macroF1()));
            progress.detail(String.format(Locale.ROOT, "extra split %d/%d (seed %d): accuracy %s, macro-F1 %s", i,
                    options.assessment().extraSplits(), seed, ReportWriter.fmt(evaluation.accuracy()),
                    ReportWriter.fmt(evaluation.macroF1())));
        }
        return figures;
    }

    private static void printSummary(TrainingReport report, double seconds, Progress progress) {
        progress.stage(String.format(Locale.ROOT, "Held-out results for %s (%.1f s in all)", report.name(), seconds));
        progress.detail(String.format(Locale.ROOT, "%-28s accuracy %s   macro-F1 %s", "model",
                ReportWriter.fmt(report.results().model().accuracy()),
                ReportWriter.fmt(report.results().model().macroF1())));
        progress.detail(String.format(Locale.ROOT, "%-28s accuracy %s   macro-F1 %s",
                "majority baseline (" + report.results().baselineLabel() + ")",
                ReportWriter.fmt(report.results().baseline().accuracy()),
                ReportWriter.fmt(report.results().baseline().macroF1())));
        TrainingReport.Targets targets = report.results().targets();
        if (targets.any()) {
            progress.detail("targets: "
                    + (targets.accuracy() == null ? "" : "accuracy ≥ " + ReportWriter.fmt(targets.accuracy()) + " ")
                    + (targets.macroF1() == null ? "" : "macro-F1 ≥ " + ReportWriter.fmt(targets.macroF1()) + " ")
                    + (targets.met() ? "MET" : "NOT MET"));
        }
    }

    private static List<LabelledTicket> asEscalationLabels(List<LabelledTicket> tickets, TrainingOptions options) {
        return tickets.stream()
                .map(t -> new LabelledTicket(t.text(), options.tier1Labels().contains(t.label())
                        ? EscalationRisk.NO_ESCALATE : EscalationRisk.ESCALATE))
                .collect(Collectors.toList());
    }

    private static Map<String, String> metadata(TrainingOptions options, StratifiedSplit split) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("data", options.input().csv().getFileName().toString());
        metadata.put("text", String.join(",", options.input().textColumns()));
        metadata.put("label", options.input().labelColumn());
        if (options.escalationModel()) {
            metadata.put("tier1Labels", options.tier1Labels().stream().sorted().collect(Collectors.joining(",")));
        }
        metadata.put("trainRows", Integer.toString(split.train().size()));
        metadata.put("seed", Long.toString(options.seed()));
        metadata.put("minDf", Integer.toString(options.training().minDf()));
        metadata.put("c", Double.toString(options.training().c()));
        metadata.put("classWeight", classWeight(options));
        return metadata;
    }

    private static String classWeight(TrainingOptions options) {
        return options.training().balanced() ? "balanced" : "none";
    }

    private static String majorityLabel(List<LabelledTicket> train) {
        Map<String, Long> counts = train.stream()
                .collect(Collectors.groupingBy(LabelledTicket::label, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(NaturalOrder.INSTANCE.reversed())))
                .orElseThrow().getKey();
    }

    private static List<String> truth(List<LabelledTicket> tickets) {
        return tickets.stream().map(LabelledTicket::label).collect(Collectors.toList());
    }

    private static String commandOf(String[] args) {
        StringBuilder command = new StringBuilder(COMMAND);
        for (String arg : args) {
            command.append(' ').append(arg.matches("[\\w./:=,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return command.toString();
    }
}
