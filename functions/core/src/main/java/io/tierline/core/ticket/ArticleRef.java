package io.tierline.core.ticket;

import io.tierline.core.validation.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A knowledge-base article a ticket points to: one the customer saw on the support form before filing anyway (the
 * CREATED event's {@code articlesSeen}) or the one the ticket was solved with. The ticket package cannot depend on the
 * knowledge package (it depends on this one), so tickets carry this reference of the same format as
 * {@code knowledge.ArticleId}, which checks its ids against {@link #FORMAT} too; the write checks that a
 * solved-with article is published before the event is made.
 */
public record ArticleRef(String value) {
    /** "KB-" and 12 hex digits, the knowledge base's article id. */
    public static final String FORMAT = "KB-[0-9a-f]{12}";
    /** At most this many seen articles are attached to one ticket. */
    public static final int MAX_SEEN = 10;
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public ArticleRef {
        if (!matches(value)) {
            throw new InvalidInputException("articleId", "must be an article id like KB-0123456789ab");
        }
    }

    /** Whether a text is an article id, for the callers that name their own field in the error. */
    public static boolean matches(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
