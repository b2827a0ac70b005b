package io.tierline.core.ticket;

/** How a ticket was solved: the note the customer sees, and an optional root cause kept for reporting. */
public record Resolution(String note, String rootCause) {
}
