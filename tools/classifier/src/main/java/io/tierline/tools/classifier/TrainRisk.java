package io.tierline.tools.classifier;

import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.FeatureSettings;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.FrustrationSignal;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.triage.RiskExport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * bin/train-risk: exports the store's closed tickets (through the core's index queries, {@link RiskExport}) to a CSV,
 * trains the escalation-risk model on them (the classifier's features and logistic regression, binary
 * escalate / no-escalate, on the ticket text plus {@link RiskContext} marker words), and writes the model file and an
 * evaluation on held-out tickets beside the hand-weighted score's on the very same tickets.
 */
public final class TrainRisk {

    static final String USAGE = String.join("\n",
            "Export closed tickets from the store, train the escalation-risk model, evaluate it beside the",
            "hand-weighted score on the same held-out tickets.",
            "",
            "Export (skipped when --table is absent; then --csv must exist):",
            "  --table NAME            the tickets table (the local runner prints it)",
            "  --teams A,B             the teams whose closed queues are exported",
            "  --endpoint URL          DynamoDB endpoint, e.g. the local runner's http://localhost:PORT",
            "  --region REGION         default us-east-1 with --endpoint, else the SDK's default chain",
            "Training:",
            "  --csv FILE              where the export is written / read (default risk-tickets.csv)",
            "  --model FILE            the model to write (default risk.model.gz)",
            "  --report PREFIX         also write PREFIX.md and PREFIX.json (default risk-report)",
            "  --test-share 0.25       share of each label held out",
            "  --seed 42               seeds the split and the solver",
            "  --c 1                   inverse regularisation of the logistic regression",
            "  --help                  this text");

    private static final List<String> VALUE_OPTIONS = List.of("--table", "--teams", "--endpoint", "--region", "--csv",
            "--model", "--report", "--test-share", "--seed", "--c");

    /** Settings of a training run. */
    public record Settings(double testShare, long seed, double c) {
        public static final Settings DEFAULT = new Settings(0.25, 42, 1.0);

        /**
         * Words 1-2 and characters 3-5, min-df 2, and no class weights: triage compares the probability with
         * riskAtLeast thresholds, and balanced weights would inflate it for the rarer "escalate".
         */
        TrainingSettings training() {
            return new TrainingSettings(new FeatureSettings(2, 3, 5, FeatureSettings.DEFAULT.hashBits()), 2, c,
                    false, seed);
        }
    }

    /** The trained model and both scores' figures on the held-out tickets. */
    public record Result(TextClassifier model, int trainRows, int testRows, RiskEvaluation learned,
                         RiskEvaluation handWeighted) {
    }

    private TrainRisk() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args, VALUE_OPTIONS, List.of());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(64);
            return;
        }
        Progress progress = new Progress(System.out);
        Path csv = Path.of(line.get("--csv", "risk-tickets.csv"));
        if (line.has("--table")) {
            List<TeamName> teams = Arrays.stream(line.required("--teams").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(TeamName::new).toList();
            progress.stage("Exporting the closed tickets of " + teams + " from " + line.required("--table"));
            try (DynamoDbClient dynamo = client(line)) {
                List<RiskRow> rows = RiskExport.closedTickets(new DynamoDbTicketQueries(dynamo,
                        line.required("--table")), teams, Instant.now()).stream().map(RiskRow::of).toList();
                RiskCsv.write(rows, csv);
                progress.detail(rows.size() + " closed tickets, " + rows.stream().filter(RiskRow::escalated).count()
                        + " escalated, written to " + csv);
            }
        }
        if (!Files.isRegularFile(csv)) {
            System.err.println("error: " + noExport(csv) + "\n\n" + USAGE);
            System.exit(64);
            return;
        }
        List<RiskRow> rows = RiskCsv.read(csv);
        Settings settings = new Settings(line.number("--test-share", Settings.DEFAULT.testShare()),
                line.integer("--seed", (int) Settings.DEFAULT.seed()), line.number("--c", Settings.DEFAULT.c()));
        Result result = train(rows, settings, csv.getFileName().toString(), progress);
        Path model = Path.of(line.get("--model", "risk.model.gz"));
        if (model.toAbsolutePath().getParent() != null) {
            Files.createDirectories(model.toAbsolutePath().getParent());
        }
        result.model().save(model);
        progress.stage("Model written to " + model + " (" + Files.size(model) / 1024 + " KiB)");
        Path report = Path.of(line.get("--report", "risk-report"));
        writeReport(result, csv.getFileName().toString(), report);
        progress.stage("Report written to " + report + ".md and .json");
        printSummary(result, progress);
    }

    /** What to do when there is no export to train from (--csv names no file and no --table was given). */
    static String noExport(Path csv) {
        return "there is no export at " + csv.toAbsolutePath() + ": give --table (and --teams) to export the store's"
                + " closed tickets into it, or --csv an existing export";
    }

    /** Splits (stratified), trains on the training part, and scores the held-out part with both scores. */
    public static Result train(List<RiskRow> rows, Settings settings, String source, Progress progress) {
        boolean[] inTest = StratifiedSplit.testRows(rows.stream().map(RiskRow::label).toList(),
                settings.testShare(), settings.seed());
        List<LabelledTicket> train = new ArrayList<>();
        List<RiskRow> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (inTest[i]) {
                test.add(rows.get(i));
            } else {
                train.add(rows.get(i).labelled());
            }
        }
        progress.stage(String.format(Locale.ROOT, "%d tickets (%d escalated): %d train / %d held out, seed %d",
                rows.size(), rows.stream().filter(RiskRow::escalated).count(), train.size(), test.size(),
                settings.seed()));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(RiskContext.METADATA_KEY, RiskContext.MARKERS);
        metadata.put("data", source);
        metadata.put("label", "escalated (tier 2+ or escalated)");
        metadata.put("trainRows", Integer.toString(train.size()));
        metadata.put("seed", Long.toString(settings.seed()));
        metadata.put("c", Double.toString(settings.c()));
        TextClassifier model = new ClassifierTrainer(settings.training(), progress).train(train, metadata);

        progress.stage("Scoring the " + test.size() + " held-out tickets with the model and the hand-weighted score");
        EscalationRisk learned = EscalationRisk.learned(model);
        EscalationRisk hand = EscalationRisk.fallback();
        FrustrationSignal frustration = FrustrationSignal.defaults();
        double[] modelScores = new double[test.size()];
        double[] handScores = new double[test.size()];
        boolean[] truth = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            RiskRow row = test.get(i);
            String subject = row.text().subject();
            String description = row.text().description();
            Frustration felt = frustration.score(subject, description, row.history());
            modelScores[i] = learned.assess(subject, description, felt, row.context()).score();
            handScores[i] = hand.assess(subject, description, felt, row.context()).score();
            truth[i] = row.escalated();
        }
        return new Result(model, train.size(), test.size(), RiskEvaluation.of(modelScores, truth),
                RiskEvaluation.of(handScores, truth));
    }

    private static void printSummary(Result result, Progress progress) {
        progress.stage("Held-out results (" + result.testRows() + " tickets)");
        progress.detail(String.format(Locale.ROOT, "%-22s AUC %.3f   accuracy %.3f", "learned model",
                result.learned().auc(), result.learned().accuracy()));
        progress.detail(String.format(Locale.ROOT, "%-22s AUC %.3f   accuracy %.3f", "hand-weighted score",
                result.handWeighted().auc(), result.handWeighted().accuracy()));
        progress.detail(String.format(Locale.ROOT, "%-22s              accuracy %.3f", "majority baseline",
                result.learned().majorityAccuracy()));
    }

    static void writeReport(Result result, String source, Path prefix) throws IOException {
        if (prefix.toAbsolutePath().getParent() != null) {
            Files.createDirectories(prefix.toAbsolutePath().getParent());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", source);
        json.put("trainRows", result.trainRows());
        json.put("testRows", result.testRows());
        json.put("model", result.learned());
        json.put("handWeighted", result.handWeighted());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(Path.of(prefix + ".json").toFile(), json);
        StringBuilder md = new StringBuilder();
        RiskEvaluation m = result.learned();
        RiskEvaluation h = result.handWeighted();
        md.append("# Escalation risk: learned model vs hand-weighted score\n\n")
                .append(String.format(Locale.ROOT, "Data: `%s`, %d train / %d held-out tickets (%d escalated).%n%n",
                        source, result.trainRows(), result.testRows(), m.escalated()))
                .append("| score | AUC | accuracy at 0.5 | majority baseline |\n|---|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| learned model | **%.3f** | %.3f | %.3f |%n", m.auc(),
                        m.accuracy(), m.majorityAccuracy()))
                .append(String.format(Locale.ROOT, "| hand-weighted (fallback) | %.3f | %.3f | %.3f |%n%n", h.auc(),
                        h.accuracy(), h.majorityAccuracy()))
                .append("Calibration of the learned model by decile (held-out tickets sorted by predicted risk):\n\n")
                .append("| decile | tickets | mean predicted | share escalated |\n|---:|---:|---:|---:|\n");
        for (RiskEvaluation.Decile d : m.calibration()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f |%n", d.decile(), d.tickets(),
                    d.meanScore(), d.escalatedShare()));
        }
        Files.writeString(Path.of(prefix + ".md"), md.toString());
    }

    private static DynamoDbClient client(CommandLine line) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (line.has("--endpoint")) {
            // DynamoDB Local (the local runner) accepts any credentials; a real endpoint gets the default chain
            builder.endpointOverride(URI.create(line.required("--endpoint")))
                    .region(Region.of(line.get("--region", "us-east-1")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                            "local")));
        } else if (line.has("--region")) {
            builder.region(Region.of(line.required("--region")));
        }
        return builder.build();
    }
}
