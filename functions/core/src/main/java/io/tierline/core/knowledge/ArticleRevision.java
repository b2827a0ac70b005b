package io.tierline.core.knowledge;

import io.tierline.core.ticket.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of an article: who did what, when, and the content and status as they were after it. The key is the
 * client's Idempotency-Key of the request that made it, so a retried request finds its revision and acts once.
 * The note says where it came from when that is not the editor (an article proposed from a ticket).
 */
public record ArticleRevision(long version, ArticleAction action, Actor by, Instant at, ArticleStatus status,
                              ArticleContent content, Optional<String> key, Optional<String> note) {
    public ArticleRevision(long version, ArticleAction action, Actor by, Instant at, ArticleStatus status,
                           ArticleContent content, Optional<String> key) {
        this(version, action, by, at, status, content, key, Optional.empty());
    }
}
