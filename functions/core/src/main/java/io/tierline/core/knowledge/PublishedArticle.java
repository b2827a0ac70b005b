package io.tierline.core.knowledge;

/** What the search index holds of a published article: enough to rank it and to show a hit, not its history. */
public record PublishedArticle(ArticleId id, ArticleContent content) {
    public static PublishedArticle of(Article article) {
        return new PublishedArticle(article.id(), article.content());
    }
}
