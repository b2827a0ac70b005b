package io.tierline.core.knowledge;

/** The caller's If-Match names a version someone else already changed; carries the current one for the ETag. */
public class ArticleVersionConflictException extends RuntimeException {
    private final long currentVersion;

    public ArticleVersionConflictException(ArticleId id, long currentVersion) {
        super("article " + id + " has changed; it is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
