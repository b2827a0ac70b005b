package io.tierline.core.notify;

import java.time.Instant;
import java.util.List;

/** The emails recorded by the local outbox, for the API to list (GET /outbox/emails). */
public interface SentEmails {
    record Sent(Email email, Instant at) {
    }

    /** False when email really leaves (SES): then nothing is recorded and {@link #newest} is empty. */
    boolean recorded();

    /** Newest first. */
    List<Sent> newest(int limit);

    /** For SES mode: nothing is kept. */
    static SentEmails none() {
        return new SentEmails() {
            @Override
            public boolean recorded() {
                return false;
            }

            @Override
            public List<Sent> newest(int limit) {
                return List.of();
            }
        };
    }
}
