package io.tierline.tools.classifier;

import io.tierline.core.classify.FeatureSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link TrainClassifier} was asked to do, read from its command line: what to read, what to write, how to
 * train and how to assess the model.
 *
 * @param tier1Labels labels that tier 1 solves: given, the model learns escalation risk (tier 1 or not) instead
 */
public record TrainingOptions(Input input, Output output, TrainingSettings training, Assessment assessment,
                              Set<String> tier1Labels) {

    /** @param labelNames a CSV of label codes and the names the model file gives them, if any */
    public record Input(Path csv, List<String> textColumns, String labelColumn, Optional<Path> labelNames) {
    }

    /** @param name the report's title */
    public record Output(Path model, Optional<Path> report, String name) {
    }

    /**
     * @param testShare   the share of rows held out for the figures
     * @param extraSplits how many other stratified splits to train and assess, to show the figures' spread
     */
    public record Assessment(double testShare, int extraSplits, OptionalDouble targetAccuracy,
                             OptionalDouble targetMacroF1) {
    }

    static final String USAGE = String.join("\n",
            "Train a ticket classifier from a CSV of past tickets, evaluate it on a stratified held-out split, and",
            "write the model file and an evaluation report.",
            "",
            "Required:",
            "  --csv FILE              CSV with a header row (RFC 4180 quoting; fields may span lines)",
            "  --text COL[,COL...]     the columns holding ticket text, e.g. title,body",
            "  --label COL             the column to predict, e.g. category",
            "  --model FILE            where to write the model (gzip'd binary, read by TextClassifier.load)",
            "Optional:",
            "  --report PREFIX         also write PREFIX.md and PREFIX.json with the evaluation",
            "  --name TEXT             title of the report (default: the CSV file name and label)",
            "  --test-share 0.2        share of each label held out for evaluation",
            "  --seed 42               seeds the split and the solver",
            "  --c 3                   inverse regularisation strength of the logistic regression",
            "  --word-ngrams 2         largest word n-gram (0 = none)",
            "  --char-ngrams 2-5       character n-gram range inside words, or 'none'",
            "  --min-df 2              a feature must occur in at least this many training tickets",
            "  --hash-bits 20          feature space of 2^bits hashed buckets",
            "  --class-weight balanced 'balanced' (rare labels weigh more) or 'none'",
            "  --tier1-labels A,B      train an escalation-risk model: rows with these labels become 'no-escalate',",
            "                          all others 'escalate' (e.g. --label tier --tier1-labels 0,1)",
            "  --target-accuracy X     print whether the held-out accuracy reaches X; exit status 2 if not",
            "  --target-macro-f1 X     the same for macro-F1",
            "  --extra-splits N        also train and evaluate on N more splits (seeds seed+1..seed+N) and report",
            "                          the spread, to show how much the figures owe to one split (default 0)",
            "  --label-names FILE      CSV 'code,name' ('#' starts a comment): the model file names each label, so a",
            "                          data set's numeric codes reach tickets as words (every label needs a name;",
            "                          the report keeps the codes)",
            "  --help                  this text");

    private static final List<String> VALUE_OPTIONS = List.of("--csv", "--text", "--label", "--model", "--report",
            "--name", "--test-share", "--seed", "--c", "--word-ngrams", "--char-ngrams", "--min-df", "--hash-bits",
            "--class-weight", "--tier1-labels", "--target-accuracy", "--target-macro-f1", "--extra-splits",
            "--label-names");

    public static boolean wantsHelp(String[] args) {
        return args.length == 0 || Arrays.asList(args).contains("--help");
    }

    public static TrainingOptions parse(String[] args) {
        CommandLine line = CommandLine.parse(args, VALUE_OPTIONS, List.of());
        Path csv = Path.of(line.required("--csv"));
        String label = line.required("--label");
        FeatureSettings defaults = FeatureSettings.DEFAULT;
        int[] charRange = charNgramRange(line.get("--char-ngrams",
                defaults.charNgramMin() + "-" + defaults.charNgramMax()));
        FeatureSettings features = new FeatureSettings(line.integer("--word-ngrams", defaults.wordNgramMax()),
                charRange[0], charRange[1], line.integer("--hash-bits", defaults.hashBits()));
        TrainingSettings training = new TrainingSettings(features,
                line.integer("--min-df", TrainingSettings.DEFAULT.minDf()),
                line.number("--c", TrainingSettings.DEFAULT.c()),
                classWeight(line.get("--class-weight", "balanced")),
                line.integer("--seed", (int) TrainingSettings.DEFAULT.seed()));
        return new TrainingOptions(
                new Input(csv, list(line.required("--text")), label, line.optional("--label-names").map(Path::of)),
                new Output(Path.of(line.required("--model")), line.optional("--report").map(Path::of),
                        line.get("--name", csv.getFileName() + ": " + label)),
                training,
                new Assessment(line.number("--test-share", 0.2), line.integer("--extra-splits", 0),
                        optionalNumber(line, "--target-accuracy"), optionalNumber(line, "--target-macro-f1")),
                Set.copyOf(line.optional("--tier1-labels").map(TrainingOptions::list).orElse(List.of())));
    }

    public long seed() {
        return training.seed();
    }

    public boolean escalationModel() {
        return !tier1Labels.isEmpty();
    }

    private static int[] charNgramRange(String value) {
        if (value.equalsIgnoreCase("none")) {
            return new int[] {0, 0};
        }
        String[] bounds = value.split("-", 2);
        try {
            int min = Integer.parseInt(bounds[0].strip());
            int max = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : min;
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--char-ngrams must be MIN-MAX or 'none', was " + value);
        }
    }

    private static boolean classWeight(String value) {
        switch (value) {
            case "balanced":
                return true;
            case "none":
                return false;
            default:
                throw new IllegalArgumentException("--class-weight must be 'balanced' or 'none', was " + value);
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static OptionalDouble optionalNumber(CommandLine line, String name) {
        return line.has(name) ? OptionalDouble.of(line.number(name, 0)) : OptionalDouble.empty();
    }
}
