package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.FeatureSettings;
import io.tierline.core.classify.TextClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {

    private static final TrainingSettings SETTINGS =
            new TrainingSettings(new FeatureSettings(2, 2, 4, 18), 1, 3.0, true, 42);
    private static final List<String> PROBES = List.of(
            "I was charged twice, please refund the invoice",
            "my vpn login fails, account locked",
            "the printer and the docking station are broken",
            "hello team, thanks",
            "");

    private static TextClassifier train(List<LabelledTicket> tickets) {
        return new ClassifierTrainer(SETTINGS, Progress.silent()).train(tickets, Map.of("data", "small"));
    }

    @Test
    void learnsTheTeamsOfASmallHistory() {
        StratifiedSplit split = StratifiedSplit.of(SmallTickets.generate(40, 1), 0.25, 42);
        TextClassifier model = train(split.train());
        assertEquals(List.of("access", "billing", "hardware"), model.labels());
        List<String> predicted = split.test().stream().map(t -> model.classify(t.text()).best().label()).toList();
        Evaluation evaluation = Evaluation.of(split.test().stream().map(LabelledTicket::label).toList(), predicted);
        assertTrue(evaluation.accuracy() > 0.85, () -> "accuracy " + evaluation.accuracy());
        assertEquals("billing", model.classify(PROBES.get(0)).best().label());
        assertEquals("access", model.classify(PROBES.get(1)).best().label());
        assertEquals("hardware", model.classify(PROBES.get(2)).best().label());
    }

    @Test
    void roundTripPredictsTheSameLabelsAndProbabilities(@TempDir Path dir) throws IOException {
        TextClassifier model = train(SmallTickets.generate(30, 2));
        Path file = dir.resolve("small.model.gz");
        model.save(file);
        TextClassifier loaded = TextClassifier.load(file);

        assertEquals(model.labels(), loaded.labels());
        assertEquals(Map.of("data", "small"), loaded.metadata());
        for (String probe : PROBES) {
            Classification before = model.classify(probe);
            Classification after = loaded.classify(probe);
            assertEquals(before.best().label(), after.best().label(), probe);
            for (String label : model.labels()) {
                assertEquals(before.probabilityOf(label), after.probabilityOf(label), 0.0, probe + " / " + label);
            }
        }
    }

    @Test
    void trainingIsReproducible() throws IOException {
        List<LabelledTicket> tickets = SmallTickets.generate(30, 3);
        assertArrayEquals(bytes(train(tickets)), bytes(train(tickets)));
    }

    @Test
    void twoLabelsGiveABinaryModelWithComplementaryProbabilities() throws IOException {
        List<LabelledTicket> tickets = SmallTickets.generate(30, 4).stream()
                .map(t -> new LabelledTicket(t.text(), t.label().equals("hardware") ? "escalate" : "no-escalate"))
                .toList();
        TextClassifier model = train(tickets);
        Classification result = model.classify("the printer is broken");
        assertEquals("escalate", result.best().label());
        assertEquals(1.0, result.probabilityOf("escalate") + result.probabilityOf("no-escalate"), 1e-12);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(bytes(model)));
        assertEquals(result, loaded.classify("the printer is broken"));
    }

    @Test
    void needsAtLeastTwoLabels() {
        List<LabelledTicket> one = List.of(new LabelledTicket("a b", "x"), new LabelledTicket("c d", "x"));
        assertThrows(IllegalArgumentException.class, () -> train(one));
    }

    private static byte[] bytes(TextClassifier model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }
}
