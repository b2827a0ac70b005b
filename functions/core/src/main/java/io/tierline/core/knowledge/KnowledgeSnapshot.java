package io.tierline.core.knowledge;

import java.util.List;

/**
 * The published articles at one version of the knowledge base. The version goes up in the same write as every
 * publish, retire and edit of a published article, so an index built from a snapshot stays right until it changes.
 */
public record KnowledgeSnapshot(long version, List<PublishedArticle> articles) {
    public KnowledgeSnapshot {
        articles = List.copyOf(articles);
    }
}
