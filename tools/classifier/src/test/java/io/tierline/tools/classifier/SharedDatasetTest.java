package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on the real Endava tickets as benchmark.sh does, as a guard against regressions in features or training.
 * Skips when the shared data sets are absent. (The slower ITSM run is left to benchmark.sh.)
 */
class SharedDatasetTest {

    static Path dataset(String name) {
        Path file = Path.of(System.getProperty("tierline.project.root", "."))
                .resolve("../shared/datasets").resolve(name).normalize();
        Assumptions.assumeTrue(Files.isReadable(file), "skipped: " + file + " is absent (shared data sets)");
        return file;
    }

    @Test
    void endavaCategoryBeatsTheBaselineClearly(@TempDir Path dir) throws IOException {
        Path csv = dataset("endava-it-tickets.csv");
        TrainingOptions options = TrainingOptions.parse(new String[] {"--csv", csv.toString(), "--text", "title,body",
                "--label", "category", "--model", dir.resolve("endava.model.gz").toString()});
        TrainingReport report = TrainClassifier.run(options, "test", Progress.silent());

        assertEquals(5431, report.data().rows());
        assertEquals(List.of("title", "body"), report.data().textColumns());
        Evaluation model = report.results().model();
        assertTrue(model.accuracy() >= 0.86, () -> "accuracy " + model.accuracy());
        assertTrue(model.macroF1() >= 0.5, () -> "macro-F1 " + model.macroF1());
        assertTrue(model.macroF1() > 4 * report.results().baseline().macroF1());
    }
}
