package io.tierline.core.knowledge;

import java.util.List;
import java.util.Optional;

/** Where articles live (DynamoDB beside the tickets; an in-memory map in rule tests). */
public interface ArticleStore {
    Optional<Article> find(ArticleId id);

    /**
     * Writes the article's new revisions if it is still at {@code expectedVersion} (0: it must not exist yet),
     * and, in the same write, the published snapshot and the knowledge base's version when what customers can find
     * changes. Throws {@link ArticleVersionConflictException} otherwise; nothing is written half-way.
     */
    void save(Article article, long expectedVersion);

    /** The knowledge base's version: cheap, read on every search to know whether the loaded index is current. */
    long knowledgeVersion();

    KnowledgeSnapshot published();

    /** Every article, newest change first, for the supervisors' list. */
    List<Article> all();
}
