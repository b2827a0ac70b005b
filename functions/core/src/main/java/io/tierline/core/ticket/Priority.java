package io.tierline.core.ticket;

/** Derived from impact and urgency through the policy's matrix; the most urgent first. */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    public String code() {
        return Codes.of(this);
    }
}
