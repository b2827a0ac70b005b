package io.tierline.tools.classifier;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.DetectedLanguage;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.FrustrationSignal;
import io.tierline.core.classify.LanguageDetector;
import io.tierline.core.classify.RiskScore;
import io.tierline.core.classify.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the in-process time per ticket of everything triage computes from a ticket's text: features and classifier,
 * language, frustration and the escalation-risk fallback. Runs over the real tickets of the shared data sets: one pass
 * to warm the JIT (its figures are printed too, as the cold-start view), then the measured pass.
 *
 * <pre>java -cp tools/classifier/target/tierline-classifier.jar io.tierline.tools.classifier.SpeedBenchmark
 *     [--model FILE] [--datasets DIR] [--passes N]</pre>
 */
public final class SpeedBenchmark {

    private static final String USAGE = "SpeedBenchmark [--model FILE (default: the bundled category model)] "
            + "[--datasets DIR (default ../shared/datasets)] [--passes N measured passes (default 3)]";

    private SpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        CommandLine line = CommandLine.parse(args, List.of("--model", "--datasets", "--passes"), List.of());
        long loadStart = System.nanoTime();
        TextClassifier model = line.optional("--model").isPresent()
                ? TextClassifier.load(Path.of(line.required("--model")))
                : TextClassifier.bundledCategoryModel().orElseThrow(
                        () -> new IllegalStateException("no bundled model; pass --model FILE"));
        LanguageDetector.defaults();
        FrustrationSignal.defaults();
        double loadMillis = ms(System.nanoTime() - loadStart);
        Path datasets = Path.of(line.get("--datasets", "../shared/datasets"));
        List<LabelledTicket> tickets = new ArrayList<>();
        tickets.addAll(read(datasets.resolve("endava-it-tickets.csv"), List.of("title", "body"), "category"));
        tickets.addAll(read(datasets.resolve("itsm-assignment-groups.csv"),
                List.of("Short description", "Full_Description"), "Assignment group"));
        int passes = line.integer("--passes", 3);

        System.out.printf(Locale.ROOT, "%d tickets (median %d characters), model with %d labels and %d features%n",
                tickets.size(), medianLength(tickets), model.labels().size(), model.featureCount());
        System.out.printf(Locale.ROOT, "loading the model and word lists, once per process: %.0f ms%n", loadMillis);
        Pipeline pipeline = new Pipeline(model);
        print("first pass (cold JIT)", pipeline.time(tickets));
        long[] measured = new long[0];
        for (int pass = 0; pass < passes; pass++) {
            measured = concat(measured, pipeline.time(tickets));
        }
        print("warm (" + passes + (passes == 1 ? " pass)" : " passes)"), measured);
        System.out.println("(checksum " + pipeline.checksum + ")");
    }

    /** What triage derives from a ticket's text; the checksum keeps the JIT from discarding unused results. */
    private static final class Pipeline {

        private final TextClassifier model;
        private final LanguageDetector languages = LanguageDetector.defaults();
        private final FrustrationSignal frustration = FrustrationSignal.defaults();
        private final EscalationRisk risk = EscalationRisk.fallback();
        private final ContactHistory history = new ContactHistory(2, 7, 1);
        private double checksum;

        Pipeline(TextClassifier model) {
            this.model = model;
        }

        long[] time(List<LabelledTicket> tickets) {
            long[] nanos = new long[tickets.size()];
            for (int i = 0; i < nanos.length; i++) {
                String text = tickets.get(i).text();
                long start = System.nanoTime();
                Classification classification = model.classify(text);
                DetectedLanguage language = languages.detect(text);
                Frustration frustrated = frustration.score("", text, history);
                RiskScore escalation = risk.assess("", text, frustrated);
                nanos[i] = System.nanoTime() - start;
                checksum += classification.best().confidence() + language.confidence() + escalation.score();
            }
            return nanos;
        }
    }

    private static List<LabelledTicket> read(Path csv, List<String> text, String label) throws IOException {
        if (!Files.isReadable(csv)) {
            throw new IllegalStateException(csv + " is absent: pass --datasets DIR with the shared data sets");
        }
        return TicketCsv.read(csv, text, label).tickets();
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s per ticket: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.1f ms, "
                        + "mean %.3f ms (n = %d)%n", name, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.9)),
                ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]), ms(Arrays.stream(sorted).average()
                        .orElse(0)), sorted.length);
    }

    private static double percentile(long[] sorted, double share) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static int medianLength(List<LabelledTicket> tickets) {
        int[] lengths = tickets.stream().mapToInt(t -> t.text().length()).sorted().toArray();
        return lengths[lengths.length / 2];
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
