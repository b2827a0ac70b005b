package io.tierline.core.ticket;

/** How the customer reached us. */
public enum Channel {
    WEB, EMAIL, CHAT, SOCIAL, API;

    public String code() {
        return Codes.of(this);
    }
}
