package io.tierline.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.fakes.ScenarioPolicy;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.Message;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.work.TicketWorkService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one after-write step, as every write path runs it from the core: what a write leaves due before the next sweep
 * is sent ahead (a merge included), what it could not send is sent by a retry of the same request, and clearing the
 * fan-out mark is bookkeeping that leaves the version (the caller's ETag) as it was.
 */
class WritePipelineTest {
    static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    FakeWorld world;

    @BeforeEach
    void world() throws Exception {
        Policies policies = PolicyDocument.parse(ScenarioPolicy.document());
        world = new FakeWorld(policies, MONDAY_0900_BERLIN, Duration.ofMinutes(2));
    }

    TicketId billingTicket(String email) {
        return world.file(new TicketDraft(new TicketDraft.Asked("Invoice shows the wrong VAT", "Our invoice is wrong."),
                new Requester("Pia", email, null, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
    }

    List<String> deadlinesSentFor(TicketId id) {
        return world.outbox.take(DeadlineDue.class, Instant.MAX).stream().filter(d -> d.ticketId().equals(id))
                .map(d -> d.deadline().metric().code() + "@" + d.at()).toList();
    }

    @Test
    void aMergeSendsAheadWhatTheSurvivorHasDueBeforeTheNextSweep() {
        TicketId duplicate = billingTicket("dup@example.com");
        TicketId survivor = billingTicket("keep@example.com");
        Instant warning = world.ticket(survivor).nextDeadline().at();
        world.clock.set(warning.minusSeconds(1));
        world.work.actOnMany(duplicate, alice, TicketWorkService.Guard.none(),
                (t, now) -> t.mergeInto(world.ticket(survivor), "same invoice", alice.actor(), now));
        assertEquals(List.of("first-response@" + warning), deadlinesSentFor(survivor),
                "the survivor's write is followed like any other");
        assertEquals(List.of(), deadlinesSentFor(duplicate), "the closed duplicate has nothing due");
        assertNull(world.ticket(duplicate).nextDueAt());
    }

    @Test
    void aNewTicketsWriteSendsNothingAheadItsTriageByInstantIsTheSweepsRepair() {
        world.intake.submit(new TicketDraft(new TicketDraft.Asked("New", "d"),
                new Requester("N", "new@example.com", null, "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                new TicketDraft.Topic(null, List.of())), Actor.customer("new@example.com"),
                Optional.empty());
        assertEquals(List.of(), world.outbox.sent(Message.class).stream().map(s -> s.message())
                .filter(m -> !(m instanceof TicketCreated)).toList());
    }

    @Test
    void aRetriedRequestSendsWhatTheFirstCouldNotSend() {
        TicketId id = billingTicket("retry@example.com");
        String token = world.tokens.tokenFor(world.ticket(id));
        TicketWorkService.Guard once = new TicketWorkService.Guard(Optional.empty(),
                Optional.of(new IdempotencyKey("customer:retry", "ask-1")), "same request");
        TicketWorkService.TrailAction ask = (h, now) -> world.engine.customerRequest(h.ticket(), h.events(),
                "Nobody answers", Actor.customer("retry@example.com"), now);
        world.outbox.failing(true);
        world.work.actAsCustomerOnTrail(id, token, once, ask);
        world.outbox.failing(false);
        assertNotNull(world.ticket(id).escalation().fanOut());

        world.work.actAsCustomerOnTrail(id, token, once, ask); // the customer's retry: the same key, acted once
        assertEquals(Set.of(id.value() + "/1/0/0/sam/email", id.value() + "/1/0/0/customer/customer"),
                world.notifications(id));
        assertNull(world.ticket(id).escalation().fanOut());
        assertEquals(1, world.history(id).events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.ESCALATION_REQUESTED).count());
    }

    @Test
    void clearingTheFanOutMarkKeepsTheVersionTheCallerWasAnswered() {
        TicketId id = billingTicket("etag@example.com");
        String token = world.tokens.tokenFor(world.ticket(id));
        long answered = world.work.actAsCustomerOnTrail(id, token, TicketWorkService.Guard.none(),
                (h, now) -> world.engine.customerRequest(h.ticket(), h.events(), "Nobody answers",
                        Actor.customer("etag@example.com"), now)).ticket().version();
        assertNull(world.ticket(id).escalation().fanOut(), "sent and cleared");
        assertEquals(answered, world.ticket(id).version(), "an If-Match with the answered ETag still holds");
    }
}
