package io.tierline.core.ticket;

/** Whether the customer may see an audit event (a public reply) or only agents (an internal note, a reassignment). */
public enum Visibility {
    PUBLIC, INTERNAL
}
