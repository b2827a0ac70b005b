package io.tierline.core.knowledge;

/** One article found: its score for the query, and the sentence of its body that matched best. */
public record SearchHit(ArticleId id, String title, String category, String language, double score, String snippet) {
}
