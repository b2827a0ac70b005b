package io.tierline.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.access.ForbiddenException;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.escalation.ManualEscalation;
import io.tierline.core.escalation.Seniority;
import io.tierline.core.fakes.FakeWorld;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationFeedback;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.FollowUpAnswer;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketEvent.EventType;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.work.EscalationNotFoundException;
import io.tierline.core.work.TicketWorkService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The follow-up after a resolution and the agents' feedback on escalations, on the in-memory store with a set clock:
 * the follow-up instant is set by a resolution, cancelled by a reopen or a close, fired once at its second (each
 * message delivered twice), answered once; feedback is given once, by whoever received the escalation.
 */
class FollowUpRulesTest {
    static final Instant START = Instant.parse("2026-11-16T08:00:00Z");
    final FakeWorld world = new FakeWorld(policy("""
            {"after": "3d", "byPlan": {"enterprise": "1d"}}"""), START, Duration.ofMinutes(2));
    final Principal alice = Principal.inTeams("alice", Role.AGENT, Set.of("billing"));
    final Principal sam = Principal.inTeams("sam", Role.SUPERVISOR, Set.of("billing"));
    final Principal petra = Principal.inTeams("petra", Role.SUPERVISOR, Set.of("platform-engineering"));
    final TicketId id = file(null);

    static io.tierline.core.policy.Policies policy(String followUp) {
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            ObjectNode doc = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            doc.set("followUp", Json.parse(followUp));
            return PolicyDocument.parse(doc.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    TicketId file(String plan) {
        return world.file(new TicketDraft(new TicketDraft.Asked("Wrong invoice", "Charged twice in May."),
                new Requester("Cleo", "cleo@example.com", null, plan), Channel.WEB,
                new TicketDraft.Levels(Level.LOW, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
    }

    Ticket act(TicketId ticket, Principal who, TicketWorkService.Action action) {
        return world.work.act(ticket, who, TicketWorkService.Guard.none(), action).ticket();
    }

    Ticket resolve(TicketId ticket) {
        return act(ticket, alice, (t, now) -> t.resolve("Refunded the second charge.", "duplicate charge",
                alice.actor(), now));
    }

    Ticket answer(TicketId ticket, FollowUpAnswer answer, String comment) {
        return world.work.actAsCustomerOnTrail(ticket, world.tokens.tokenFor(world.ticket(ticket)),
                TicketWorkService.Guard.none(), (h, now) -> FollowUps.answer(h, answer, comment,
                        world.work.customerActor(h.ticket()), now)).ticket();
    }

    List<TicketEvent> ofType(TicketId ticket, EventType type) {
        return world.history(ticket).events().stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void aResolutionIsFollowedUpOnceAtItsSecondWithTheStatusLink() {
        world.clock.set(START.plus(Duration.ofHours(2)));
        Ticket solved = resolve(id);
        Instant due = START.plus(Duration.ofHours(2)).plus(Duration.ofDays(3));
        assertEquals(due, solved.followUpDueAt());
        assertEquals(due, solved.nextDueAt());

        world.playUntil(due.plus(Duration.ofHours(1)));

        List<TicketEvent> asked = ofType(id, EventType.FOLLOW_UP_REQUESTED);
        assertEquals(1, asked.size(), "fired once although every message arrived twice");
        TicketEvent.FollowUpRequested sent = (TicketEvent.FollowUpRequested) asked.get(0);
        assertEquals(due, sent.at());
        assertEquals(due, sent.dueAt());
        assertEquals(solved.version(), sent.resolution());
        assertNull(world.ticket(id).followUpDueAt());
        assertNull(world.ticket(id).nextDueAt());
        List<NotificationRequested> mails = world.notificationsSent(id);
        // the duplicate delivery found it sent and handed the same key again: the notify worker delivers it once
        assertEquals(Set.of(id.value() + "/follow-up/" + solved.version() + "/customer/customer"),
                Set.copyOf(mails.stream().map(NotificationRequested::key).toList()));
        NotificationRequested mail = mails.get(0);
        assertEquals(DeliveryChannel.CUSTOMER, mail.target().channel());
        assertEquals("cleo@example.com", mail.target().address());
        assertTrue(mail.content().text().contains(world.tokens.statusPath(world.ticket(id))), mail.content().text());
        assertTrue(mail.content().text().contains("rate how we handled it"), "not rated yet: " + mail.content().text());
        assertTrue(FollowUps.awaitingAnswer(world.history(id)));
    }

    @Test
    void theCustomersPlanDecidesBeforeTheDefault() {
        TicketId enterprise = file("enterprise");
        assertEquals(START.plus(Duration.ofDays(1)), resolve(enterprise).followUpDueAt());
    }

    @Test
    void aReopenOrACloseBeforeItFiresCancelsItAndANewResolutionSetsANewOne() {
        resolve(id);
        world.clock.set(START.plus(Duration.ofDays(1)));
        Ticket reopened = act(id, alice, (t, now) -> t.reopen("customer wrote again", alice.actor(), now));
        assertNull(reopened.followUpDueAt());
        world.playUntil(START.plus(Duration.ofDays(4)));
        assertEquals(List.of(), ofType(id, EventType.FOLLOW_UP_REQUESTED));

        Ticket solvedAgain = resolve(id);
        assertEquals(START.plus(Duration.ofDays(7)), solvedAgain.followUpDueAt());
        Ticket closed = act(id, alice, (t, now) -> t.moveTo(Status.CLOSED, alice.actor(), now, "done"));
        assertNull(closed.followUpDueAt());
        assertNull(closed.nextDueAt());
        world.playUntil(START.plus(Duration.ofDays(8)));
        assertEquals(List.of(), ofType(id, EventType.FOLLOW_UP_REQUESTED));
        assertEquals(List.of(), world.notificationsSent(id));
    }

    @Test
    void stayedSolvedIsRecordedWithTheRatingOnceAndOnlyAfterTheCustomerWasAsked() {
        Ticket solved = resolve(id);
        TicketActionException early = assertThrows(TicketActionException.class,
                () -> answer(id, new FollowUpAnswer(true, 5), null));
        assertTrue(early.getMessage().contains("no follow-up waiting"), early.getMessage());
        world.playUntil(START.plus(Duration.ofDays(3)));

        Ticket answered = answer(id, new FollowUpAnswer(true, 4), "all good since");
        assertEquals(Status.SOLVED, answered.status());
        assertEquals(4, answered.satisfaction().rating());
        TicketEvent.FollowUpAnswered event = (TicketEvent.FollowUpAnswered) ofType(id, EventType.FOLLOW_UP_ANSWERED)
                .get(0);
        assertEquals(new FollowUpAnswer(true, 4), event.answer());
        assertEquals(solved.version(), event.resolution());
        assertEquals("all good since", event.body());
        assertEquals(1, ofType(id, EventType.SATISFACTION_RATED).size());
        assertFalse(FollowUps.awaitingAnswer(world.history(id)));

        int events = world.history(id).events().size();
        TicketActionException twice = assertThrows(TicketActionException.class,
                () -> answer(id, new FollowUpAnswer(false, null), null));
        assertTrue(twice.getMessage().contains("answered already"), twice.getMessage());
        assertEquals(events, world.history(id).events().size());
        assertEquals(Status.SOLVED, world.ticket(id).status());
    }

    @Test
    void notSolvedReopensTheTicketAndItsNextResolutionIsFollowedUpAgain() {
        resolve(id);
        world.playUntil(START.plus(Duration.ofDays(3)));
        Ticket reopened = answer(id, new FollowUpAnswer(false, null), "it charged me twice again");
        assertEquals(Status.OPEN, reopened.status());
        assertNull(reopened.resolution());
        assertEquals(List.of(EventType.FOLLOW_UP_ANSWERED, EventType.REOPENED), world.history(id).events().stream()
                .filter(e -> e.version() == reopened.version()).map(TicketEvent::type).toList());

        world.clock.set(START.plus(Duration.ofDays(4)));
        resolve(id);
        world.playUntil(START.plus(Duration.ofDays(7)));
        assertEquals(2, ofType(id, EventType.FOLLOW_UP_REQUESTED).size());
        assertTrue(FollowUps.awaitingAnswer(world.history(id)));
    }

    @Test
    void withoutAFollowUpSectionNobodyIsAsked() {
        FakeWorld plain = new FakeWorld(PolicyDocument.bundled(), START, Duration.ofMinutes(2));
        TicketId other = plain.file(new TicketDraft(new TicketDraft.Asked("Wrong invoice", "Charged twice."),
                new Requester("Cleo", "cleo@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.LOW, Level.MEDIUM), new TicketDraft.Topic(null, List.of())));
        Ticket solved = plain.work.act(other, alice, TicketWorkService.Guard.none(),
                (t, now) -> t.resolve("done", null, alice.actor(), now)).ticket();
        assertNull(solved.followUpDueAt());
    }

    @Test
    void aBadFollowUpSectionIsRefusedNamingThePath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy("""
                {"after": "soon", "byPriority": {"whenever": "1d"}, "byPlan": {"pro": "400d"}}"""));
        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.contains("followUp.after"), fields.toString());
        assertTrue(e.errors().contains(new FieldError("followUp.byPriority.whenever",
                "is not a known key; expected one of urgent, high, normal, low")), e.errors().toString());
    }

    @Test
    void feedbackOnAnEscalationIsGivenOnceByWhoeverReceivedIt() {
        world.work.actOnTrail(id, sam, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalateByHand(h,
                new ManualEscalation(EscalationKind.FUNCTIONAL, EscalationReason.LIMITED_KNOWLEDGE, "vendor bug",
                        new TeamName("platform-engineering"), Tier.EXPERT, false, null), sam, now));
        int sequence = ((TicketEvent.Escalated) ofType(id, EventType.ESCALATED).get(0)).escalation().sequence();

        world.work.actOnTrail(id, petra, TicketWorkService.Guard.none(), (h, now) -> world.commands
                .escalationFeedback(h, sequence, new EscalationFeedback(false, true), "a billing question", petra,
                        now));
        TicketEvent.EscalationFeedbackGiven given = (TicketEvent.EscalationFeedbackGiven)
                ofType(id, EventType.ESCALATION_FEEDBACK_GIVEN).get(0);
        assertEquals(sequence, given.sequence());
        assertEquals(new EscalationFeedback(false, true), given.feedback());
        assertEquals("petra", given.actor().id());
        assertFalse(given.isPublic());

        TicketActionException again = assertThrows(TicketActionException.class, () -> world.work.actOnTrail(id,
                petra, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalationFeedback(h, sequence,
                        new EscalationFeedback(true, true), null, petra, now)));
        assertTrue(again.getMessage().contains("given already"), again.getMessage());
        EscalationNotFoundException none = assertThrows(EscalationNotFoundException.class,
                () -> world.work.actOnTrail(id, petra, TicketWorkService.Guard.none(),
                        (h, now) -> world.commands.escalationFeedback(h, sequence + 1,
                                new EscalationFeedback(true, true), null, petra, now)));
        assertTrue(none.getMessage().endsWith("has no escalation " + (sequence + 1)), none.getMessage());

        // back with billing: alice works on it now, but escalation 1 went to platform-engineering, not to her
        act(id, petra, (t, now) -> world.commands.transfer(t, new TeamName("billing"), Tier.FRONT_LINE,
                "billing after all", petra,
                now));
        ForbiddenException notHers = assertThrows(ForbiddenException.class, () -> world.work.actOnTrail(id, alice,
                TicketWorkService.Guard.none(), (h, now) -> world.commands.escalationFeedback(h, sequence,
                        new EscalationFeedback(true, true), null, alice, now)));
        assertTrue(notHers.getMessage().contains("did not receive escalation"), notHers.getMessage());
        assertEquals(1, ofType(id, EventType.ESCALATION_FEEDBACK_GIVEN).size());
    }

    /** A hierarchical escalation stays in the sender's team: the sender still may not rate it, the supervisor may. */
    @Test
    void theSenderOfAnEscalationNeverGivesItsFeedback() {
        TicketId mine = file(null);
        world.work.actOnTrail(mine, alice, TicketWorkService.Guard.none(), (h, now) -> world.commands.escalateByHand(h,
                new ManualEscalation(EscalationKind.HIERARCHICAL, EscalationReason.LIMITED_AUTHORITY, "refund > 500",
                        null, null, false, Seniority.SUPERVISOR), alice, now));
        int sequence = ((TicketEvent.Escalated) ofType(mine, EventType.ESCALATED).get(0)).escalation().sequence();

        ForbiddenException own = assertThrows(ForbiddenException.class, () -> world.work.actOnTrail(mine, alice,
                TicketWorkService.Guard.none(), (h, now) -> world.commands.escalationFeedback(h, sequence,
                        new EscalationFeedback(true, true), null, alice, now)));
        assertEquals("alice sent escalation " + sequence + "; its feedback is for whoever received it",
                own.getMessage());
        assertEquals(0, ofType(mine, EventType.ESCALATION_FEEDBACK_GIVEN).size());

        world.work.actOnTrail(mine, sam, TicketWorkService.Guard.none(), (h, now) -> world.commands
                .escalationFeedback(h, sequence, new EscalationFeedback(true, false), "no invoice attached", sam,
                        now));
        assertEquals("sam", ofType(mine, EventType.ESCALATION_FEEDBACK_GIVEN).get(0).actor().id());
    }
}
