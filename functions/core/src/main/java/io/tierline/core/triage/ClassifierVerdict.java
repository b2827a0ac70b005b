package io.tierline.core.triage;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.Prediction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the category model's best guess is trusted: only at or above the policy's confidence threshold; below it
 * the rules and the default route decide alone.
 *
 * @param top the model's best predictions, most likely first; empty without a model
 */
public record ClassifierVerdict(List<Prediction> top, double minConfidence, boolean used) {
    static final int SHOWN = 3;

    public ClassifierVerdict {
        top = List.copyOf(top);
    }

    static ClassifierVerdict of(Optional<Classification> categories, double minConfidence) {
        List<Prediction> top = categories.map(c -> c.top(SHOWN)).orElse(List.of());
        return new ClassifierVerdict(top, minConfidence, !top.isEmpty() && top.get(0).atLeast(minConfidence));
    }

    /** The category to set, when the model is trusted. */
    Optional<String> category() {
        return used ? Optional.of(top.get(0).label()) : Optional.empty();
    }

    String reason() {
        return String.format(Locale.ROOT, "classifier: category %s (%.2f)", top.get(0).label(),
                top.get(0).confidence());
    }
}
