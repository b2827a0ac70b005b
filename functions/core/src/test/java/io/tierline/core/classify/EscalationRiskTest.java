package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationRiskTest {

    private static final Frustration CALM = new Frustration(0.0, List.of());

    @Test
    void fallbackReadsImpactSecurityAndUrgencyCues() {
        EscalationRisk risk = EscalationRisk.fallback();
        RiskScore outage = risk.assess("Production down", "All users get a 500 error, urgent", CALM);
        RiskScore question = risk.assess("Question", "How do I change my profile picture?", CALM);
        assertEquals(RiskScore.Source.HEURISTIC, outage.source());
        assertTrue(outage.score() > 0.7, outage::toString);
        assertEquals(0.0, question.score());
        assertTrue(outage.reasons().contains("impact: \"production down\""), outage::toString);
        assertFalse(risk.isLearned());
    }

    @Test
    void fallbackCountsFrustrationAtHalfWeight() {
        RiskScore risk = EscalationRisk.fallback().assess("Question", "profile picture",
                new Frustration(0.8, List.of()));
        assertEquals(0.4, risk.score(), 1e-9);
    }

    @Test
    void learnedRiskIsTheModelsProbabilityOfEscalation() {
        TextClassifier model = TextClassifierTest.handMade(List.of(EscalationRisk.ESCALATE, EscalationRisk.NO_ESCALATE),
                List.of("database replication broken outage", "password reset request"));
        EscalationRisk risk = EscalationRisk.of(Optional.of(model));
        RiskScore replication = risk.assess("Replication", "database replication broken", CALM);
        RiskScore password = risk.assess("Password", "reset request", CALM);
        assertTrue(risk.isLearned());
        assertEquals(RiskScore.Source.MODEL, replication.source());
        assertEquals(model.classify("Replication", "database replication broken").probabilityOf("escalate"),
                replication.score(), 1e-12);
        assertTrue(replication.score() > 0.5 && password.score() < 0.5);
    }

    @Test
    void refusesAModelWithOtherLabels() {
        TextClassifier categories = TextClassifierTest.handMade(List.of("billing", "access"), List.of("refund", "vpn"));
        assertThrows(IllegalArgumentException.class, () -> EscalationRisk.learned(categories));
    }
}
