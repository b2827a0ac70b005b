package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundledModelTest {

    @Test
    void theBundledCategoryModelLoadsAndClassifies() {
        Optional<TextClassifier> bundled = TextClassifier.bundledCategoryModel();
        assertTrue(bundled.isPresent(), "the core jar bundles " + TextClassifier.BUNDLED_CATEGORY_MODEL);
        TextClassifier model = bundled.get();
        assertEquals("endava-it-tickets.csv", model.metadata().get("data"));
        Classification result = model.classify("reset passwords for external accounts",
                "hi please help update passwords colleagues expire days thank");
        assertEquals(1.0, result.ranked().stream().mapToDouble(Prediction::confidence).sum(), 1e-9);
        assertTrue(result.best().confidence() > 0.5, result::toString);
    }

    /** A category reaches tickets, the dry run and policy rules: it must be a name, not the data set's code. */
    @Test
    void theBundledCategoriesAreNamesAndKeepTheirCodesInTheMetadata() {
        TextClassifier model = TextClassifier.bundledCategoryModel().orElseThrow();
        assertTrue(model.labels().stream().noneMatch(label -> label.matches("\\d+")), model.labels()::toString);
        assertTrue(model.labels().containsAll(java.util.List.of("access-and-applications", "hardware-and-purchasing")),
                model.labels()::toString);
        assertTrue(model.metadata().get(TextClassifier.LABEL_CODES).contains("access-and-applications=4"),
                model.metadata()::toString);
        assertEquals("access-and-applications", model.classify("reset passwords for external accounts",
                "hi please help update passwords colleagues expire days thank").best().label());
    }

    @Test
    void renamingNeedsANameForEveryLabelAndKeepsThePredictions() {
        TextClassifier model = TextClassifier.bundledCategoryModel().orElseThrow();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        model.labels().forEach(label -> names.put(label, "x-" + label));
        TextClassifier renamed = model.withLabelNames(names);
        Classification before = model.classify("laptop order", "please order a new laptop and monitor");
        Classification after = renamed.classify("laptop order", "please order a new laptop and monitor");
        assertEquals("x-" + before.best().label(), after.best().label());
        assertEquals(before.best().confidence(), after.best().confidence(), 1e-12);
        names.remove(model.labels().get(0));
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> model.withLabelNames(names));
        assertTrue(missing.getMessage().contains(model.labels().get(0)), missing.getMessage());
    }
}
