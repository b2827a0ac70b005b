package io.tierline.core.ticket;

import java.time.Instant;

/**
 * How a ticket was solved: the note the customer sees, an optional root cause kept for reporting, and when (null
 * for tickets solved before it was kept).
 */
public record Resolution(String note, String rootCause, Instant at) {
}
