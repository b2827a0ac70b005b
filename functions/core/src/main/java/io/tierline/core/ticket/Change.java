package io.tierline.core.ticket;

/** One field's move, as shown in the audit trail. Values are their wire codes; null means "unset". */
public record Change(String field, String from, String to) {
}
