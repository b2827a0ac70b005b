package io.tierline.core.ticket;

import io.tierline.core.validation.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A knowledge-base article the customer saw on the support form before filing anyway, as the ticket's CREATED event
 * records it ("KB-" and 12 hex digits, the knowledge base's article id; kept here as its own type because the
 * knowledge base depends on tickets, not the other way round).
 */
public record SeenArticle(String id) {
    /** At most this many articles are attached to one ticket. */
    public static final int MAX = 10;
    public static final String FORMAT = "KB-[0-9a-f]{12}";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public SeenArticle {
        if (id == null || !PATTERN.matcher(id).matches()) {
            throw new InvalidInputException("articlesSeen", "must be article ids like KB-0123456789ab");
        }
    }
}
