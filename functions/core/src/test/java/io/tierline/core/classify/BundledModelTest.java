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
        assertTrue(model.labels().contains("4") && model.labels().contains("5"), model.labels()::toString);
        Classification result = model.classify("reset passwords for external accounts",
                "hi please help update passwords colleagues expire days thank");
        assertEquals(1.0, result.ranked().stream().mapToDouble(Prediction::confidence).sum(), 1e-9);
        assertTrue(result.best().confidence() > 0.5, result::toString);
    }
}
