package io.tierline.core.intake;

import io.tierline.core.access.CustomerTokens;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.json.Json;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates tickets from every channel. With an idempotency key, the same request creates one ticket however often it
 * arrives, and the same key with a different request is refused.
 */
public class IntakeService {
    private final TicketStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration keyRetention;
    private final CustomerTokens tokens;
    private final ClockKeeper clocks;
    private final AfterWrite after;

    public IntakeService(TicketStore store, Outbox outbox, CustomerTokens tokens, ClockKeeper clocks, Clock clock,
                         Duration keyRetention, AfterWrite after) {
        this.store = store;
        this.outbox = outbox;
        this.tokens = tokens;
        this.clocks = clocks;
        this.clock = clock;
        this.keyRetention = keyRetention;
        this.after = after;
    }

    public IntakeResult submit(TicketDraft draft, Actor actor, Optional<IdempotencyKey> key) {
        String fingerprint = fingerprint(draft);
        if (key.isPresent()) {
            Optional<IntakeResult> earlier = replay(key.get(), fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        TicketChange created = clocks.track(Ticket.open(TicketId.next(clock), draft, CustomerTokens.newSalt(), actor,
                now), List.of());
        Optional<IdempotencyClaim> claim = key.map(k ->
                new IdempotencyClaim(k, fingerprint, created.after().id(), now, now.plus(keyRetention)));
        try {
            store.create(created, claim);
        } catch (TicketStore.IdempotencyKeyTakenException raced) {
            // A concurrent duplicate won the key between our read and our write.
            return replay(key.orElseThrow(), fingerprint).orElseThrow(() -> raced);
        }
        outbox.publish(new TicketCreated(created.after().id(), now));
        after.written(created.after());
        return new IntakeResult(created.after(), tokens.tokenFor(created.after()), false);
    }

    private Optional<IntakeResult> replay(IdempotencyKey key, String fingerprint) {
        Optional<IdempotencyClaim> claim = store.findClaim(key)
                .filter(c -> c.expiresAt().isAfter(clock.instant()));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        if (!claim.get().fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException(key);
        }
        Ticket ticket = store.find(claim.get().ticketId()).orElseThrow(() ->
                new IllegalStateException("idempotency claim " + key + " points to a missing ticket"));
        if (ticket.status() == Status.NEW) {
            // The first attempt may have died between the commit and the publish: publishing again heals that,
            // and triage ignores a ticket it has already opened.
            outbox.publish(new TicketCreated(ticket.id(), clock.instant()));
        }
        return Optional.of(new IntakeResult(ticket, tokens.tokenFor(ticket), true));
    }

    static String fingerprint(TicketDraft draft) {
        return Sha256.hex(Json.write(draft));
    }
}
