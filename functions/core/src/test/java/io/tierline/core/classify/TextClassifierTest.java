package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inference and the model file, on small models built by hand (training is tested in tools/classifier). */
class TextClassifierTest {

    private static final List<String> LABELS = List.of("billing", "access", "hardware");
    private static final List<String> EXAMPLES = List.of(
            "refund invoice charged twice payment",
            "vpn login password locked account",
            "printer paper jammed laptop screen");

    /** Each label weighs the n-grams of its own example +2 and the others' -0.5: a model anyone can reason about. */
    static TextClassifier handMade(List<String> labels, List<String> examples) {
        TextFeatures features = new TextFeatures(new FeatureSettings(2, 0, 0, 16));
        List<TermCounts> counts = new ArrayList<>();
        examples.forEach(example -> counts.add(features.count(example)));
        FeatureSpace space = FeatureSpace.fit(counts, 1, 16);
        int vectors = labels.size() == 2 ? 1 : labels.size();
        float[] weights = new float[space.size() * vectors];
        for (int v = 0; v < vectors; v++) {
            for (int column : space.vectorize(counts.get(v)).columns()) {
                weights[column * vectors + v] = 2f;
            }
            for (int other = 0; other < examples.size(); other++) {
                if (other != v) {
                    for (int column : space.vectorize(counts.get(other)).columns()) {
                        weights[column * vectors + v] -= 0.5f;
                    }
                }
            }
        }
        float[] intercepts = new float[vectors];
        Arrays.fill(intercepts, -0.25f);
        return new TextClassifier(features, space, new LinearWeights(labels.size(), weights, intercepts), labels,
                Map.of("data", "hand-made"));
    }

    @Test
    void predictsTheLabelWhoseWordsTheTicketUses() {
        TextClassifier model = handMade(LABELS, EXAMPLES);
        assertEquals("billing", model.predict("Refund please", "I was charged twice").label());
        assertEquals("access", model.predict("VPN", "my account is locked").label());
        assertEquals("hardware", model.predict("Printer", "paper jammed again").label());
    }

    @Test
    void ranksEveryLabelWithProbabilitiesSummingToOne() {
        Classification result = handMade(LABELS, EXAMPLES).classify("Refund", "charged twice on my invoice");
        assertEquals(3, result.ranked().size());
        assertEquals(1.0, result.ranked().stream().mapToDouble(Prediction::confidence).sum(), 1e-9);
        assertEquals(List.of("billing"), result.top(1).stream().map(Prediction::label).toList());
        for (int i = 1; i < result.ranked().size(); i++) {
            assertTrue(result.ranked().get(i - 1).confidence() >= result.ranked().get(i).confidence());
        }
        assertEquals(result.best().confidence(), result.probabilityOf("billing"));
        assertEquals(0.0, result.probabilityOf("no such label"));
    }

    @Test
    void binaryModelsScoreTheFirstLabelWithTheSigmoidOfOneVector() {
        TextClassifier model = handMade(List.of("escalate", "no-escalate"), List.of("outage down", "password reset"));
        Classification result = model.classify("outage", "");
        SparseVector vector = model.space().vectorize(model.features().count("outage"));
        double decision = model.weights().intercepts()[0];
        for (int i = 0; i < vector.size(); i++) {
            decision += vector.values()[i] * model.weights().weights()[vector.columns()[i]];
        }
        double sigmoid = 1 / (1 + Math.exp(-decision));
        assertEquals(sigmoid, result.probabilityOf("escalate"), 1e-9);
        assertEquals(1.0 - sigmoid, result.probabilityOf("no-escalate"), 1e-9);
        assertEquals("escalate", result.best().label());
    }

    @Test
    void textWithoutKnownFeaturesFallsBackToTheIntercepts() {
        Classification result = handMade(LABELS, EXAMPLES).classify("", "zzz qqq");
        assertEquals(1.0 / 3, result.best().confidence(), 1e-9);
    }

    @Test
    void roundTripKeepsLabelsProbabilitiesAndMetadata(@TempDir Path dir) throws IOException {
        TextClassifier model = handMade(LABELS, EXAMPLES);
        Path file = dir.resolve("model.gz");
        model.save(file);
        TextClassifier loaded = TextClassifier.load(file);

        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.metadata(), loaded.metadata());
        assertEquals(model.features().settings(), loaded.features().settings());
        for (String text : List.of("refund", "vpn password", "printer jammed", "nothing known", "")) {
            assertEquals(model.classify(text), loaded.classify(text), text);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertArrayEquals(Files.readAllBytes(file), again.toByteArray(), "saving is deterministic");
    }

    /** Files written before the weights were stored as byte planes (format 1) are operators' models: they still load. */
    @Test
    void readsFormatOneFiles() throws IOException {
        TextClassifier model = handMade(LABELS, EXAMPLES);
        TextClassifier old;
        try (java.io.InputStream in = getClass().getResourceAsStream("format1-hand-made.model.gz")) {
            old = TextClassifier.load(in);
        }
        assertEquals(model.labels(), old.labels());
        for (String text : List.of("refund", "vpn password", "printer jammed", "nothing known", "")) {
            assertEquals(model.classify(text), old.classify(text), text);
        }
    }

    @Test
    void weightsKeepSixteenSignificantBits() {
        float third = 1f / 3f;
        float rounded = LinearWeights.significant16(third);
        assertEquals(0, Float.floatToRawIntBits(rounded) & 0xFF, "the low 8 bits of the significand are zero");
        assertEquals(third, rounded, Math.ulp(third) * 128);
        assertEquals(-rounded, LinearWeights.significant16(-third), "rounding is symmetric");
        assertEquals(2f, LinearWeights.significant16(2f));
        assertEquals(1f, LinearWeights.significant16(Math.nextDown(1f)), "a carry moves into the exponent");
        assertEquals(0f, LinearWeights.significant16(0f));
        float[] weights = {third, -third, 0.1f};
        LinearWeights linear = new LinearWeights(2, weights, new float[] {0.1f});
        assertArrayEquals(new float[] {rounded, -rounded, LinearWeights.significant16(0.1f)}, linear.weights());
        assertArrayEquals(new float[] {0.1f}, linear.intercepts(), "intercepts stay exact");
    }

    @Test
    void refusesFilesThatAreNotModels() {
        assertThrows(IOException.class, () -> TextClassifier.load(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void refusesInconsistentParts() {
        TextClassifier model = handMade(LABELS, EXAMPLES);
        assertThrows(IllegalArgumentException.class, () -> new TextClassifier(model.features(), model.space(),
                model.weights(), List.of("a", "b"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new TextClassifier(model.features(), model.space(),
                model.weights(), List.of("a", "a", "b"), Map.of()));
    }
}
