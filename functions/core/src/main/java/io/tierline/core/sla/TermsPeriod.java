package io.tierline.core.sla;

import java.time.Instant;

/** A stretch of the ticket's life during which one metric runs by the same terms (null: no promise). */
record TermsPeriod(Instant from, Instant to, ClockTerms terms) {
}
