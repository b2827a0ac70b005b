package io.tierline.core.ticket;

import java.time.Instant;

/** A hand-over an agent asked for that waits for a supervisor's approval. */
public record TransferRequest(TeamName team, Tier tier, PersonId requestedBy, String reason, Instant requestedAt) {
}
