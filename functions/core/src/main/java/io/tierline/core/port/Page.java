package io.tierline.core.port;

import java.util.List;

/**
 * One page of a list; {@code nextCursor} is opaque to clients and null on the last page. Every list the API offers
 * pages this way.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
