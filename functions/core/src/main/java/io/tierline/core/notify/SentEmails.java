package io.tierline.core.notify;

import io.tierline.core.port.Page;
import java.time.Instant;
import java.util.List;

/** The emails recorded by the local outbox, for the API to list (GET /outbox/emails). */
public interface SentEmails {
    record Sent(Email email, Instant at) {
    }

    /** False when email really leaves (SES): then nothing is recorded and {@link #newest} is empty. */
    boolean recorded();

    /** Newest first, a page at a time: {@code cursor} is the previous page's {@code nextCursor}, or null. */
    Page<Sent> newest(String cursor, int limit);

    /** The first page, newest first. */
    default List<Sent> newest(int limit) {
        return newest(null, limit).items();
    }

    /** For SES mode: nothing is kept. */
    static SentEmails none() {
        return new SentEmails() {
            @Override
            public boolean recorded() {
                return false;
            }

            @Override
            public Page<Sent> newest(String cursor, int limit) {
                return new Page<>(List.of(), null);
            }
        };
    }
}
