package io.tierline.core.ticket;

import io.tierline.core.validation.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A knowledge-base article a ticket event points to (the one a ticket was solved with). The ticket package cannot
 * depend on the knowledge package (it depends on this one), so the event carries this reference of the same format
 * as {@code knowledge.ArticleId}; the write checks that it names a published article before the event is made.
 */
public record ArticleRef(String value) {
    private static final Pattern FORMAT = Pattern.compile("KB-[0-9a-f]{12}");

    public ArticleRef {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("articleId", "must be an article id like KB-0123456789ab");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
