package io.tierline.core.escalation;

import io.tierline.core.ticket.Codes;

/** Why an agent escalates by hand: the fixed list support teams report on. */
public enum EscalationReason {
    RESPONSE_TIME_EXCEEDED("response time exceeded"),
    LIMITED_ACCESS("limited troubleshooting access"),
    LIMITED_AUTHORITY("limited authority"),
    LIMITED_KNOWLEDGE("limited knowledge or expertise"),
    FEATURE_REQUEST("feature request"),
    CUSTOMER_REQUEST("customer request");

    private final String words;

    EscalationReason(String words) {
        this.words = words;
    }

    public String code() {
        return Codes.of(this);
    }

    public String words() {
        return words;
    }
}
