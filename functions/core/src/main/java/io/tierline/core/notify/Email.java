package io.tierline.core.notify;

/** One plain-text email as it leaves Tierline; key and ticketId say which notification it carries. */
public record Email(String key, String ticketId, String from, String to, String subject, String text) {
}
