package io.tierline.core.fakes;

import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.ArticleStatus;
import io.tierline.core.knowledge.ArticleStore;
import io.tierline.core.knowledge.ArticleVersionConflictException;
import io.tierline.core.knowledge.KnowledgeSnapshot;
import io.tierline.core.knowledge.PublishedArticle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ArticleStore} in a map, with the DynamoDB store's conditions; counts snapshot loads for cache tests. */
public class InMemoryArticleStore implements ArticleStore {
    private final Map<ArticleId, Article> articles = new LinkedHashMap<>();
    private long knowledgeVersion;
    public int snapshotLoads;

    @Override
    public synchronized Optional<Article> find(ArticleId id) {
        return Optional.ofNullable(articles.get(id));
    }

    @Override
    public synchronized void save(Article article, long expectedVersion) {
        Article before = articles.get(article.id());
        long current = before == null ? 0 : before.version();
        if (current != expectedVersion) {
            throw new ArticleVersionConflictException(article.id(), current);
        }
        boolean wasPublished = before != null && before.status() == ArticleStatus.PUBLISHED;
        if (wasPublished || article.status() == ArticleStatus.PUBLISHED) {
            knowledgeVersion++;
        }
        articles.put(article.id(), article);
    }

    @Override
    public synchronized long knowledgeVersion() {
        return knowledgeVersion;
    }

    @Override
    public synchronized KnowledgeSnapshot published() {
        snapshotLoads++;
        return new KnowledgeSnapshot(knowledgeVersion, articles.values().stream()
                .filter(a -> a.status() == ArticleStatus.PUBLISHED).map(PublishedArticle::of).toList());
    }

    @Override
    public synchronized List<Article> all() {
        return articles.values().stream().sorted(Comparator.comparing((Article a) -> a.current().at()).reversed())
                .toList();
    }
}
