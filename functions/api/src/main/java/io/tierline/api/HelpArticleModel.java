package io.tierline.api;

import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleMarkdown;

/**
 * What the public article page shows. {@code html} is the commonmark rendering with raw HTML escaped and unsafe
 * links dropped ({@link ArticleMarkdown}), so the template may print it unescaped; everything else is escaped.
 */
public record HelpArticleModel(String title, String category, String language, String html, String updated) {
    static HelpArticleModel of(Article article) {
        return new HelpArticleModel(article.content().title(), article.content().category(),
                article.content().language(), ArticleMarkdown.html(article.content().body()),
                java.time.LocalDate.ofInstant(article.current().at(), java.time.ZoneOffset.UTC).toString());
    }
}
