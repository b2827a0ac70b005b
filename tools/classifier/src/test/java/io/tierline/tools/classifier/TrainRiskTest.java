package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.classify.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk model trained on generated history beats the hand-weighted score on the same held-out tickets. */
class TrainRiskTest {

    @Test
    void theLearnedModelRanksHeldOutTicketsBetterThanTheHandWeightedScore(@TempDir Path dir) throws IOException {
        List<RiskRow> history = RiskHistoryGenerator.generate(300, 3000, 7);
        Path csv = dir.resolve("risk-tickets.csv");
        RiskCsv.write(history, csv);
        List<RiskRow> read = RiskCsv.read(csv);
        assertEquals(history, read, "the CSV round-trips every field");
        // kept in target/ so the README's figures can be reproduced with the command itself:
        // bin/train-risk --csv tools/classifier/target/generated-risk-tickets.csv
        Files.createDirectories(Path.of("target"));
        Files.copy(csv, Path.of("target", "generated-risk-tickets.csv"), StandardCopyOption.REPLACE_EXISTING);

        TrainRisk.Result result = TrainRisk.train(read, TrainRisk.Settings.DEFAULT, "generated", Progress.silent());

        assertEquals(750, result.testRows());
        assertEquals(result.learned().escalated(), result.handWeighted().escalated(), "the same held-out tickets");
        assertTrue(result.learned().auc() > result.handWeighted().auc() + 0.15,
                "model AUC " + result.learned().auc() + " vs hand-weighted " + result.handWeighted().auc());
        assertTrue(result.learned().accuracy() > result.learned().majorityAccuracy() + 0.03,
                "accuracy " + result.learned().accuracy() + " vs majority " + result.learned().majorityAccuracy());
        RiskEvaluation.Decile lowest = result.learned().calibration().get(0);
        RiskEvaluation.Decile highest = result.learned().calibration().get(9);
        assertTrue(highest.escalatedShare() > lowest.escalatedShare() + 0.4, "calibration: " + result.learned());
        for (RiskEvaluation.Decile d : result.learned().calibration()) {
            assertTrue(Math.abs(d.meanScore() - d.escalatedShare()) < 0.2, "decile off: " + d);
        }

        Path model = dir.resolve("risk.model.gz");
        result.model().save(model);
        TextClassifier loaded = TextClassifier.load(model);
        assertEquals(RiskContext.MARKERS, loaded.metadata().get(RiskContext.METADATA_KEY));
        assertTrue(EscalationRisk.learned(loaded).isLearned());
        TrainRisk.writeReport(result, "generated", dir.resolve("risk-report"));
        String report = Files.readString(dir.resolve("risk-report.md"));
        System.out.println(report);
        assertTrue(report.contains("| learned model | **"), report);
        assertTrue(Files.readString(dir.resolve("risk-report.json")).contains("\"calibration\""));
    }

    /** Without --table and without the file --csv names, the tool says what to give instead of a stack trace. */
    @Test
    void noExportToTrainFromSaysWhatToGive(@TempDir Path dir) {
        String message = TrainRisk.noExport(dir.resolve("risk-tickets.csv"));
        assertTrue(message.startsWith("there is no export at " + dir.resolve("risk-tickets.csv").toAbsolutePath()),
                message);
        assertTrue(message.contains("give --table (and --teams)") && message.contains("--csv an existing export"),
                message);
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertEquals(1.0, RiskEvaluation.auc(new double[] {0.1, 0.2, 0.9}, new boolean[] {false, false, true}));
        assertEquals(0.5, RiskEvaluation.auc(new double[] {0.5, 0.5}, new boolean[] {false, true}));
        assertEquals(0.75, RiskEvaluation.auc(new double[] {0.1, 0.5, 0.5}, new boolean[] {false, false, true}));
    }
}
