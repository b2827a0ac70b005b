package io.tierline.core.knowledge;

import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** A knowledge-base article's id, "KB-" and 12 hex digits; it never changes across the article's versions. */
public record ArticleId(String value) {
    public ArticleId {
        if (!ArticleRef.matches(value)) {
            throw new InvalidInputException("id", "must be an article id like KB-0123456789ab");
        }
    }

    public static ArticleId random() {
        return new ArticleId("KB-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /**
     * The id a create with this idempotency key makes: a retried create lands on the same item, so the conditional
     * put refuses the second and the first is answered again.
     */
    public static ArticleId forKey(String scopedKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(scopedKey.getBytes(StandardCharsets.UTF_8));
            return new ArticleId("KB-" + HexFormat.of().formatHex(hash).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
