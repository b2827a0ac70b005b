package io.tierline.api;

import io.quarkus.qute.RawString;
import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleMarkdown;

/**
 * What the public article page shows. {@code html} is the commonmark rendering with raw HTML escaped and unsafe
 * links dropped ({@link ArticleMarkdown}): a {@link RawString}, so Qute prints it as is while the template itself
 * opts out of nothing; this is the api's one RawString (PageTemplatesTest). Everything else is escaped.
 */
public record HelpArticleModel(String title, String category, String language, RawString html, String updated,
                               Vote vote) {
    /** The "was this article helpful?" form: where it posts, its key (one vote per page view), and a vote given. */
    public record Vote(String action, FormField.Key key, boolean given) {
    }

    static HelpArticleModel of(Article article, boolean voted) {
        return new HelpArticleModel(article.content().title(), article.content().category(),
                article.content().language(), new RawString(ArticleMarkdown.html(article.content().body())),
                java.time.LocalDate.ofInstant(article.current().at(), java.time.ZoneOffset.UTC).toString(),
                new Vote("/kb/articles/" + article.id().value() + "/votes", new FormField.Key(Pages.newKey()),
                        voted));
    }
}
