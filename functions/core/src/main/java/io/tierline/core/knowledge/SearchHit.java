package io.tierline.core.knowledge;

/**
 * One article found: who it is written for (staff searches find internal ones too), its score for the query, and the
 * sentence of its body that matched best.
 */
public record SearchHit(ArticleId id, String title, String category, String language, Audience audience,
                        double score, String snippet) {
}
