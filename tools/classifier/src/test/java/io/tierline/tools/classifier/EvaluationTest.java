package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final double EPS = 1e-9;

    /**
     * Truth a a a a b b c c c c, predicted a a b c b b c c a c. By hand: precision a 2/3, recall a 2/4, F1 4/7;
     * b 2/3, 1, F1 4/5; c 3/4, 3/4, F1 3/4. Macro-F1 (4/7 + 4/5 + 3/4) / 3, accuracy 7/10.
     */
    @Test
    void matchesHandComputedFigures() {
        Evaluation e = Evaluation.of(
                List.of("a", "a", "a", "a", "b", "b", "c", "c", "c", "c"),
                List.of("a", "a", "b", "c", "b", "b", "c", "c", "a", "c"));
        assertEquals(0.7, e.accuracy(), EPS);
        assertEquals((4.0 / 7 + 4.0 / 5 + 3.0 / 4) / 3, e.macroF1(), EPS);
        assertEquals((4 * 4.0 / 7 + 2 * 4.0 / 5 + 4 * 3.0 / 4) / 10, e.weightedF1(), EPS);
        assertArrayEquals(new int[][] {{2, 1, 1}, {0, 2, 0}, {1, 0, 3}}, e.confusion());
        assertMetrics(new ClassMetrics("a", 2.0 / 3, 0.5, 4.0 / 7, 4), e.perClass().get(0));
        assertMetrics(new ClassMetrics("b", 2.0 / 3, 1.0, 0.8, 2), e.perClass().get(1));
        assertMetrics(new ClassMetrics("c", 0.75, 0.75, 0.75, 4), e.perClass().get(2));
    }

    @Test
    void aLabelOnlyPredictedCountsWithF1ZeroInTheMacroAverage() {
        Evaluation e = Evaluation.of(List.of("a", "a"), List.of("a", "z"));
        assertEquals(List.of("a", "z"), e.perClass().stream().map(ClassMetrics::label).toList());
        assertEquals((2.0 / 3 + 0) / 2, e.macroF1(), EPS);
        assertEquals(0, e.perClass().get(1).support());
    }

    @Test
    void theMajorityBaselineHasZeroF1ForEveryOtherLabel() {
        Evaluation e = Evaluation.of(List.of("4", "4", "4", "5", "11"), List.of("4", "4", "4", "4", "4"));
        assertEquals(0.6, e.accuracy(), EPS);
        // F1 of "4": precision 3/5, recall 1 → 3/4; labels in natural order 4, 5, 11
        assertEquals(List.of("4", "5", "11"), e.perClass().stream().map(ClassMetrics::label).toList());
        assertEquals(0.75 / 3, e.macroF1(), EPS);
    }

    private static void assertMetrics(ClassMetrics expected, ClassMetrics actual) {
        assertEquals(expected.label(), actual.label());
        assertEquals(expected.precision(), actual.precision(), EPS, expected.label() + " precision");
        assertEquals(expected.recall(), actual.recall(), EPS, expected.label() + " recall");
        assertEquals(expected.f1(), actual.f1(), EPS, expected.label() + " F1");
        assertEquals(expected.support(), actual.support(), expected.label() + " support");
    }
}
