package io.tierline.core.knowledge;

import io.tierline.core.ticket.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A knowledge-base article with its whole history; the last revision is the current state and its number the
 * version (the ETag). Every change returns a new article with one more revision, so nothing changes unrecorded.
 */
public record Article(ArticleId id, List<ArticleRevision> history) {
    public Article {
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an article has at least its first revision");
        }
    }

    public static Article create(ArticleId id, ArticleContent content, Actor by, Instant at, Optional<String> key) {
        return new Article(id, List.of(new ArticleRevision(1, ArticleAction.CREATED, by, at, ArticleStatus.DRAFT,
                content, key)));
    }

    /** A draft an agent proposes from a solved ticket; its first revision says which. */
    public static Article proposed(ArticleId id, ArticleContent content, Actor by, Instant at, String note) {
        return new Article(id, List.of(new ArticleRevision(1, ArticleAction.CREATED, by, at, ArticleStatus.DRAFT,
                content, Optional.empty(), Optional.of(note))));
    }

    public ArticleRevision current() {
        return history.get(history.size() - 1);
    }

    public long version() {
        return current().version();
    }

    public ArticleStatus status() {
        return current().status();
    }

    public ArticleContent content() {
        return current().content();
    }

    /** Whether customers may find and read it without signing in. */
    public boolean publicAndPublished() {
        return status() == ArticleStatus.PUBLISHED && content().audience() == Audience.PUBLIC;
    }

    /** The revision a request with this key made, if one did: the request is a retry. */
    public Optional<ArticleRevision> madeBy(String key) {
        return history.stream().filter(r -> r.key().filter(key::equals).isPresent()).findFirst();
    }

    /** A new text; a published article stays published, so its readers see the correction at once. */
    public Article edit(ArticleContent content, Actor by, Instant at, Optional<String> key) {
        if (status() == ArticleStatus.RETIRED) {
            throw new ArticleTransitionException("article " + id + " is retired; publish it again to edit it");
        }
        return next(ArticleAction.EDITED, status(), content, by, at, key);
    }

    public Article publish(Actor by, Instant at, Optional<String> key) {
        if (status() == ArticleStatus.PUBLISHED) {
            throw new ArticleTransitionException("article " + id + " is already published");
        }
        return next(ArticleAction.PUBLISHED, ArticleStatus.PUBLISHED, content(), by, at, key);
    }

    public Article retire(Actor by, Instant at, Optional<String> key) {
        if (status() == ArticleStatus.RETIRED) {
            throw new ArticleTransitionException("article " + id + " is already retired");
        }
        return next(ArticleAction.RETIRED, ArticleStatus.RETIRED, content(), by, at, key);
    }

    private Article next(ArticleAction action, ArticleStatus status, ArticleContent content, Actor by, Instant at,
                         Optional<String> key) {
        List<ArticleRevision> revisions = new ArrayList<>(history);
        revisions.add(new ArticleRevision(version() + 1, action, by, at, status, content, key));
        return new Article(id, revisions);
    }
}
