package io.tierline.core.classify;

import java.util.StringJoiner;

/** The text a classifier reads from a ticket: its parts (subject, description, ...) in order, one per line. */
public final class TicketText {

    private TicketText() {
    }

    public static String of(String... parts) {
        StringJoiner text = new StringJoiner("\n");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.add(part.strip());
            }
        }
        return text.toString();
    }
}
