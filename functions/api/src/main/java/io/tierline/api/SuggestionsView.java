package io.tierline.api;

import io.tierline.core.knowledge.SearchHit;
import java.util.List;

/** The check for answers' hits as the support form shows them. */
final class SuggestionsView {
    private SuggestionsView() {
    }

    static SupportFormModel.Suggestions of(List<SearchHit> hits) {
        return new SupportFormModel.Suggestions(true, hits.stream()
                .map(h -> new SupportFormModel.Suggestion(h.id().value(), h.title(), h.snippet())).toList());
    }
}
