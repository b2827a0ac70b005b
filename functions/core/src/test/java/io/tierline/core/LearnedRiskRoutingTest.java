package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.FeatureSettings;
import io.tierline.core.classify.FeatureSpace;
import io.tierline.core.classify.LinearWeights;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.classify.RiskScore;
import io.tierline.core.classify.SparseVector;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.classify.TextFeatures;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.port.Page;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.CustomerContacts;
import io.tierline.core.triage.TicketAssessment;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriagePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A learned escalation-risk model reads the customer's history through {@link CustomerContacts} and the marker words
 * of {@link RiskContext}, and a rule on {@code riskAtLeast} sends the risky ticket past tier 1 at triage.
 */
class LearnedRiskRoutingTest {
    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    final SettableClock clock = new SettableClock(NOW.minus(Duration.ofDays(3)));
    final List<Ticket> stored = new ArrayList<>();

    /** The customer index as triage queries it: this customer's tickets, newest first. */
    final TicketQueries customerIndex = new TicketQueries() {
        @Override
        public Page<Ticket> teamQueue(QueueQuery query, Instant now) {
            throw new UnsupportedOperationException("triage reads the customer index only");
        }

        @Override
        public Page<Ticket> customerHistory(CustomerKey customer, String cursor, int limit) {
            return new Page<>(stored.stream().filter(t -> t.requester().historyKey().equals(customer))
                    .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).limit(limit).toList(), null);
        }
    };

    /**
     * A model of the kind bin/train-risk writes (labels escalate / no-escalate, trained on the marker text) whose only
     * strong weight is on "the customer had an escalation before": small enough to read, real enough to load.
     */
    static TextClassifier historyModel() {
        TextFeatures features = new TextFeatures(new FeatureSettings(1, 0, 0, 20));
        FeatureSpace space = FeatureSpace.fit(List.of(features.count("riskpriorescalations1"),
                features.count("printer broken again")), 1, 20);
        SparseVector marker = space.vectorize(features.count("riskpriorescalations1"));
        float[] weights = new float[space.size()];
        for (int column : marker.columns()) {
            weights[column] = 12f;
        }
        return new TextClassifier(features, space, new LinearWeights(2, weights, new float[] {-3f}),
                List.of(EscalationRisk.ESCALATE, EscalationRisk.NO_ESCALATE),
                Map.of(RiskContext.METADATA_KEY, RiskContext.MARKERS));
    }

    Ticket ticket(String email, String subject) {
        return Ticket.open(TicketId.next(clock), new TicketDraft(new TicketDraft.Asked(subject,
                "it happened again this morning"),
                new Requester("n", email, null, "pro"), Channel.EMAIL, new TicketDraft.Levels(Level.LOW, Level.LOW),
                new TicketDraft.Topic(null, List.of())),
                "salt", Actor.customer(email), clock.instant()).after();
    }

    Ticket escalatedEarlier(String email) {
        Ticket t = ticket(email, "printer broken");
        return new Ticket(t.id(), t.request(), t.classification().withPlace(new TeamName("experts"), Tier.EXPERT),
                t.work(),
                t.clocks(), t.createdAt(), t.updatedAt(), t.version());
    }

    @Test
    void aCustomerWhoseTicketsEscalatedBeforeIsRoutedToExpertsByTheRiskRule() {
        stored.add(escalatedEarlier("repeat@example.com"));
        clock.set(NOW);
        Ticket repeat = ticket("repeat@example.com", "printer broken");
        Ticket fresh = ticket("first@example.com", "printer broken");
        stored.add(repeat);
        stored.add(fresh);
        TicketAssessor assessor = new TicketAssessor(Optional.empty(), EscalationRisk.learned(historyModel()),
                new CustomerContacts(customerIndex));
        TriagePolicy policy = PolicyDocument.parse(TriagePolicyTest.document("""
                "rules": [{"name":"likely-escalation","when":{"riskAtLeast":0.8},
                           "then":{"team":"experts","tier":2}}]""")).triage();

        TicketAssessment risky = assessor.assess(repeat);
        TicketAssessment calm = assessor.assess(fresh);
        assertEquals(RiskScore.Source.MODEL, risky.risk().source());
        assertTrue(risky.risk().score() >= 0.8, "one earlier escalation weighs: " + risky.risk());
        assertTrue(calm.risk().score() < 0.1, "a first contact with the same words: " + calm.risk());

        TriageDecision routed = policy.decide(repeat, risky, NOW);
        assertEquals(new TeamName("experts"), routed.team());
        assertEquals(Tier.EXPERT, routed.tier());
        assertEquals(new TeamName("service-desk"), policy.decide(fresh, calm, NOW).team());
    }

    @Test
    void contactsCountTheWeekBeforeAndEscalationsAllEarlierTickets() {
        stored.add(escalatedEarlier("c@example.com"));
        clock.set(NOW.minus(Duration.ofDays(10)));
        stored.add(escalatedEarlier("c@example.com"));
        clock.set(NOW.minus(Duration.ofDays(1)));
        stored.add(ticket("c@example.com", "still broken"));
        clock.set(NOW);
        Ticket current = ticket("c@example.com", "printer broken");
        stored.add(current);
        clock.set(NOW.plus(Duration.ofHours(1)));
        stored.add(escalatedEarlier("c@example.com"));

        assertEquals(new ContactHistory(2, 7, 2), new CustomerContacts(customerIndex).of(current),
                "the ticket 3 days and 1 day before are contacts, the one 10 days before is not; the later "
                        + "escalation does not count");
        assertEquals(ContactHistory.NONE, CustomerContacts.none().of(current));
    }
}
