package io.tierline.core.ticket;

/** The three-step scale of impact (how far the problem reaches) and urgency (how soon it hurts). */
public enum Level {
    HIGH, MEDIUM, LOW;

    public String code() {
        return Codes.of(this);
    }
}
