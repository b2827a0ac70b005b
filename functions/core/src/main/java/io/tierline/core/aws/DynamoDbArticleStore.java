package io.tierline.core.aws;

import io.tierline.core.knowledge.Article;
import io.tierline.core.knowledge.ArticleAction;
import io.tierline.core.knowledge.ArticleContent;
import io.tierline.core.knowledge.ArticleId;
import io.tierline.core.knowledge.ArticleRevision;
import io.tierline.core.knowledge.ArticleStatus;
import io.tierline.core.knowledge.ArticleStore;
import io.tierline.core.knowledge.ArticleVersionConflictException;
import io.tierline.core.knowledge.Audience;
import io.tierline.core.knowledge.KnowledgeSnapshot;
import io.tierline.core.knowledge.PublishedArticle;
import io.tierline.core.ticket.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Articles in the tickets' table (docs/data-model.md): each revision is an item of the article's partition
 * ({@code ARTICLE#<id>}, {@code REV#<version>}), and the knowledge base's partition {@code KB} holds every article's
 * current revision ({@code ART#<id>}, the list and the search's snapshot) and the knowledge base's version
 * ({@code VERSION}), raised in the same transaction as any write that changes what is published.
 */
public class DynamoDbArticleStore implements ArticleStore {
    private static final String KB_PK = "KB";
    private static final String VERSION_SK = "VERSION";
    private static final String CURRENT_PREFIX = "ART#";
    private static final String REVISION_PREFIX = "REV#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbArticleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Article> find(ArticleId id) {
        List<ArticleRevision> revisions = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :rev)")
                        .expressionAttributeValues(Map.of(":pk", TicketItems.s(articlePk(id)),
                                ":rev", TicketItems.s(REVISION_PREFIX)))).items()
                .forEach(item -> revisions.add(revision(item)));
        revisions.sort(Comparator.comparingLong(ArticleRevision::version));
        return revisions.isEmpty() ? Optional.empty() : Optional.of(new Article(id, revisions));
    }

    @Override
    public void save(Article article, long expectedVersion) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> current = revisionItem(article.current());
        current.put(TicketItems.PK, TicketItems.s(KB_PK));
        current.put(TicketItems.SK, TicketItems.s(CURRENT_PREFIX + article.id().value()));
        current.put("articleId", TicketItems.s(article.id().value()));
        writes.add(put(current, expectedVersion == 0 ? "attribute_not_exists(pk)" : "version = :expected",
                expectedVersion == 0 ? Map.of() : Map.of(":expected", TicketItems.n(expectedVersion))));
        boolean wasPublished = false;
        for (ArticleRevision revision : article.history()) {
            if (revision.version() == expectedVersion) {
                wasPublished = revision.status() == ArticleStatus.PUBLISHED;
            }
            if (revision.version() > expectedVersion) {
                Map<String, AttributeValue> item = revisionItem(revision);
                item.put(TicketItems.PK, TicketItems.s(articlePk(article.id())));
                item.put(TicketItems.SK, TicketItems.s(revisionSk(revision.version())));
                writes.add(put(item, "attribute_not_exists(pk)", Map.of()));
            }
        }
        if (wasPublished || article.status() == ArticleStatus.PUBLISHED) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Map.of(TicketItems.PK, TicketItems.s(KB_PK), TicketItems.SK, TicketItems.s(VERSION_SK)))
                    .updateExpression("ADD kbVersion :one")
                    .expressionAttributeValues(Map.of(":one", TicketItems.n(1))).build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            long now = currentVersion(article.id());
            throw new ArticleVersionConflictException(article.id(), now);
        }
    }

    private long currentVersion(ArticleId id) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(TicketItems.PK,
                TicketItems.s(KB_PK), TicketItems.SK, TicketItems.s(CURRENT_PREFIX + id.value())))).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
    }

    @Override
    public long knowledgeVersion() {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(TicketItems.PK,
                TicketItems.s(KB_PK), TicketItems.SK, TicketItems.s(VERSION_SK)))).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("kbVersion").n());
    }

    @Override
    public KnowledgeSnapshot published() {
        long version = knowledgeVersion();
        List<PublishedArticle> articles = currentRevisions().entrySet().stream()
                .filter(e -> e.getValue().status() == ArticleStatus.PUBLISHED)
                .map(e -> new PublishedArticle(e.getKey(), e.getValue().content()))
                .toList();
        return new KnowledgeSnapshot(version, articles);
    }

    @Override
    public List<Article> all() {
        return currentRevisions().entrySet().stream()
                .map(e -> new Article(e.getKey(), List.of(e.getValue())))
                .sorted(Comparator.comparing((Article a) -> a.current().at()).reversed())
                .toList();
    }

    private Map<ArticleId, ArticleRevision> currentRevisions() {
        Map<ArticleId, ArticleRevision> out = new HashMap<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :art)")
                        .expressionAttributeValues(Map.of(":pk", TicketItems.s(KB_PK),
                                ":art", TicketItems.s(CURRENT_PREFIX)))).items()
                .forEach(item -> out.put(new ArticleId(TicketItems.str(item, "articleId")), revision(item)));
        return out;
    }

    private static String articlePk(ArticleId id) {
        return "ARTICLE#" + id.value();
    }

    private static String revisionSk(long version) {
        return REVISION_PREFIX + String.format("%010d", version);
    }

    private static Map<String, AttributeValue> revisionItem(ArticleRevision r) {
        Map<String, AttributeValue> item = new HashMap<>();
        ArticleContent c = r.content();
        item.put("version", TicketItems.n(r.version()));
        item.put("action", TicketItems.s(r.action().code()));
        item.put("byKind", TicketItems.s(r.by().kind().name()));
        item.put("byId", TicketItems.s(r.by().id()));
        item.put("at", TicketItems.s(r.at().toString()));
        item.put("status", TicketItems.s(r.status().code()));
        item.put("title", TicketItems.s(c.title()));
        item.put("body", TicketItems.s(c.body()));
        item.put("category", TicketItems.s(c.category()));
        item.put("tags", AttributeValue.fromL(c.tags().stream().map(TicketItems::s).toList()));
        item.put("language", TicketItems.s(c.language()));
        item.put("audience", TicketItems.s(c.audience().code()));
        r.key().ifPresent(k -> item.put("requestKey", TicketItems.s(k)));
        r.note().ifPresent(n -> item.put("note", TicketItems.s(n)));
        return item;
    }

    private static ArticleRevision revision(Map<String, AttributeValue> item) {
        ArticleContent content = new ArticleContent(TicketItems.str(item, "title"), TicketItems.str(item, "body"),
                TicketItems.str(item, "category"), item.get("tags").l().stream().map(AttributeValue::s).toList(),
                TicketItems.str(item, "language"), Audience.of(TicketItems.str(item, "audience")));
        return new ArticleRevision(Long.parseLong(item.get("version").n()),
                ArticleAction.of(TicketItems.str(item, "action")),
                new Actor(Actor.Kind.valueOf(TicketItems.str(item, "byKind")), TicketItems.str(item, "byId")),
                Instant.parse(TicketItems.str(item, "at")), ArticleStatus.of(TicketItems.str(item, "status")), content,
                Optional.ofNullable(TicketItems.str(item, "requestKey")),
                Optional.ofNullable(TicketItems.str(item, "note")));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
