package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainClassifierTest {

    /** Writes the small history as a CSV whose text spans two quoted columns, one with line breaks. */
    private static Path writeCsv(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("subject,description,team\n");
        for (LabelledTicket ticket : SmallTickets.generate(40, 9)) {
            String[] words = ticket.text().split(" ", 2);
            csv.append('"').append(words[0]).append("\",\"").append(words[1].replaceFirst(" ", "\n")).append("\",")
                    .append(ticket.label()).append('\n');
        }
        Path file = dir.resolve("history.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static TrainingReport train(Path dir, String... extra) throws IOException {
        String[] args = concat(new String[] {"--csv", writeCsv(dir).toString(), "--text", "subject,description",
                "--label", "team", "--model", dir.resolve("out/team.model.gz").toString(),
                "--report", dir.resolve("out/team").toString(), "--char-ngrams", "2-4", "--hash-bits", "18"}, extra);
        return TrainClassifier.run(TrainingOptions.parse(args), "train " + String.join(" ", extra), Progress.silent());
    }

    @Test
    void theModelFileNamesItsLabelsFromTheNamesFile(@TempDir Path dir) throws IOException {
        Path names = dir.resolve("names.csv");
        Files.writeString(names, "# codes to words\ncode,name\naccess,accounts\nbilling,money\nhardware,devices\n");
        train(dir, "--label-names", names.toString());
        TextClassifier model = TextClassifier.load(dir.resolve("out/team.model.gz"));
        assertEquals(List.of("accounts", "money", "devices"), model.labels());
        assertEquals("accounts=access,money=billing,devices=hardware",
                model.metadata().get(TextClassifier.LABEL_CODES));

        Files.writeString(names, "code,name\naccess,accounts\nbilling,money\n");
        IllegalArgumentException unnamed = assertThrows(IllegalArgumentException.class,
                () -> train(dir, "--label-names", names.toString()));
        assertTrue(unnamed.getMessage().contains("[hardware]"), unnamed.getMessage());
    }

    @Test
    void writesTheModelAndAReportWithTheBaselineBeside(@TempDir Path dir) throws IOException {
        TrainingReport report = train(dir, "--target-accuracy", "0.8");

        assertEquals(120, report.data().rows());
        assertEquals(96, report.split().trainRows());
        assertEquals(24, report.split().testRows());
        assertTrue(report.results().model().accuracy() > report.results().baseline().accuracy());
        assertTrue(report.results().targets().met());
        TextClassifier model = TextClassifier.load(dir.resolve("out/team.model.gz"));
        assertEquals(List.of("access", "billing", "hardware"), model.labels());
        assertEquals("history.csv", model.metadata().get("data"));

        String markdown = Files.readString(dir.resolve("out/team.md"));
        assertTrue(markdown.contains("| **model** |") && markdown.contains("majority baseline"), markdown);
        assertTrue(markdown.contains("| billing | 8 |"), markdown);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/team.json").toFile());
        assertEquals(report.results().model().macroF1(), json.at("/model/macroF1").asDouble(), 1e-12);
        assertEquals(3, json.at("/model/perClass").size());
    }

    @Test
    void reportsAMissedTarget(@TempDir Path dir) throws IOException {
        assertFalse(train(dir, "--target-macro-f1", "1.01").results().targets().met());
    }

    @Test
    void tier1LabelsTrainAnEscalationRiskModel(@TempDir Path dir) throws IOException {
        train(dir, "--tier1-labels", "billing,access");
        TextClassifier model = TextClassifier.load(dir.resolve("out/team.model.gz"));
        EscalationRisk risk = EscalationRisk.learned(model);
        assertTrue(risk.isLearned());
        assertEquals("access,billing", model.metadata().get("tier1Labels"));
        assertEquals(EscalationRisk.ESCALATE, model.classify("docking station and screen broken").best().label());
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--csv", "x.csv"}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--cvs", "x.csv"}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--csv", "x",
                "--text", "t", "--label", "l", "--model", "m", "--class-weight", "heavy"}));
        assertTrue(TrainingOptions.wantsHelp(new String[] {"--help"}));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
