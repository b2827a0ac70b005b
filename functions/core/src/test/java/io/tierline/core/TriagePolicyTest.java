package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriagePolicyTest {
    final TriagePolicy policy = PolicyDocument.bundled().triage();
    final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T10:00:00Z"));

    Ticket ticket(String subject, String description, Level impact, Level urgency) {
        return Ticket.open(TicketId.next(clock), new TicketDraft(subject, description,
                new Requester("n", "n@example.com", null, null), Channel.API, impact, urgency, null, List.of()),
                "salt", Actor.customer("n@example.com"), clock.instant()).after();
    }

    @Test
    void priorityComesFromTheMatrix() {
        assertEquals(Priority.URGENT, policy.decide(ticket("a", "b", Level.HIGH, Level.HIGH)).priority());
        assertEquals(Priority.HIGH, policy.decide(ticket("a", "b", Level.MEDIUM, Level.HIGH)).priority());
        assertEquals(Priority.NORMAL, policy.decide(ticket("a", "b", Level.HIGH, Level.LOW)).priority());
        assertEquals(Priority.LOW, policy.decide(ticket("a", "b", Level.LOW, Level.LOW)).priority());
    }

    @Test
    void firstMatchingRuleRoutesOnWholeWordsInAnyCase() {
        TriageDecision d = policy.decide(ticket("Refund please", "I was charged twice", Level.LOW, Level.MEDIUM));
        assertEquals("billing", d.team());
        assertEquals(Tier.FRONT_LINE, d.tier());
        assertEquals("routing rule 'billing' matched", d.reason());
        // 'security' is listed before 'billing': the first rule in order wins
        TriageDecision both = policy.decide(ticket("Phishing invoice", "x", Level.LOW, Level.MEDIUM));
        assertEquals("security", both.team());
        assertEquals(Tier.EXPERT, both.tier());
        // 'down' must not fire inside 'download' or 'countdown'
        TriageDecision none = policy.decide(ticket("Download is slow", "the countdown shows", Level.LOW, Level.LOW));
        assertEquals("service-desk", none.team());
        assertTrue(none.reason().contains("default"));
        assertEquals("platform-engineering", policy.decide(ticket("Site DOWN", "help", Level.HIGH, Level.HIGH)).team());
    }

    @Test
    void badDocumentIsRefusedNamingRuleAndField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse("""
                {"priorityMatrix":{"high":{"high":"urgent","medium":"high","low":"normal"},
                                   "medium":{"high":"high","medium":"normal","low":"low"},
                                   "low":{"high":"normal","medium":"low","low":"meh"}},
                 "defaultRoute":{"team":"service-desk","tier":1},
                 "routingRules":[{"name":"billing","keywords":["invoice"],"tier":5},
                                 {"name":"billing","keywords":[],"team":"Billing Team","tier":1},
                                 {"keywords":["x"],"team":"ops","tier":2}]}"""));
        List<FieldError> errors = e.errors();
        assertTrue(errors.contains(new FieldError("priorityMatrix.low.low", "must be one of urgent, high, normal, low")),
                errors.toString());
        assertTrue(errors.contains(new FieldError("routingRules[billing].team", "is required")), errors.toString());
        assertTrue(errors.contains(new FieldError("routingRules[billing].tier", "must be a tier from 0 to 3")));
        assertTrue(errors.contains(new FieldError("routingRules[billing].name", "is used by another rule")));
        assertTrue(errors.contains(new FieldError("routingRules[billing].keywords", "must list at least one keyword")));
        assertTrue(errors.contains(new FieldError("routingRules[billing].team",
                "must be a team code: lower-case letters, digits and -")));
        assertTrue(errors.contains(new FieldError("routingRules[2].name", "is required")), errors.toString());
    }

    @Test
    void incompleteMatrixIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse("""
                {"priorityMatrix":{"high":{"high":"urgent"}},"defaultRoute":{"team":"t","tier":1}}"""));
        assertTrue(e.errors().contains(new FieldError("priorityMatrix.high.medium",
                "is required: one of urgent, high, normal, low")), e.errors().toString());
        assertEquals(8, e.errors().size(), e.errors().toString());
    }
}
