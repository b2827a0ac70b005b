package io.tierline.core.ticket;

import java.util.Locale;

/** The customer who asked. customerId and plan are optional (a first-time web visitor has neither). */
public record Requester(String name, String email, String customerId, String plan) {

    /** Customer history is keyed by customer id when we have one, by the lower-cased email otherwise. */
    public String historyKey() {
        return customerId != null ? "id:" + customerId : "email:" + email.toLowerCase(Locale.ROOT);
    }
}
