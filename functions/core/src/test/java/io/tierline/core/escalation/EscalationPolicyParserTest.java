package io.tierline.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyParserTest {
    static String withEscalation(String directory, String policies) throws Exception {
        String bundled = new String(PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) io.tierline.core.json.Json.parse(bundled);
        doc.set("directory", io.tierline.core.json.Json.parse(directory));
        doc.set("escalationPolicies", io.tierline.core.json.Json.parse(policies));
        return doc.toString();
    }

    @Test
    void theBundledPoliciesReadAsWritten() {
        EscalationPolicies bundled = PolicyDocument.bundled().escalation();
        assertEquals(List.of("urgent", "standard"), bundled.inOrder().stream().map(EscalationPolicy::name).toList());
        EscalationPolicy urgent = bundled.named("urgent").orElseThrow();
        assertEquals(Duration.ofMinutes(30), urgent.acknowledgementTimeout());
        EscalationLevel first = urgent.level(1).orElseThrow();
        assertTrue(first.trigger().matchesSla(SlaMetric.FIRST_RESPONSE, false));
        assertEquals(Duration.ofMinutes(10), first.repeatEvery());
        assertEquals(3, first.repeatTimes());
        assertTrue(urgent.level(2).orElseThrow().urgent(), "breach levels are urgent by default");
        assertEquals("sam", bundled.directory().team(new TeamName("billing")).orElseThrow().supervisor());
        Rota rota = bundled.directory().rotas().get("engineering-on-call");
        assertEquals("bob", rota.onCallAt(Instant.parse("2026-01-05T08:00:00Z")));
        assertEquals("ivan", rota.onCallAt(Instant.parse("2026-01-12T08:00:00Z")));
        assertEquals("bob", rota.onCallAt(Instant.parse("2026-01-19T07:59:59Z").plusSeconds(1)));
    }

    @Test
    void aBadPolicyIsRefusedWithEveryProblemNamedByItsPath() throws Exception {
        String text = withEscalation("""
                {"people": [{"id": "sam", "email": "not-an-email", "workingHours": "mars-office"}],
                 "teams": [{"name": "billing", "supervisor": "nobody"}],
                 "rotas": [{"name": "night", "people": ["sam"], "start": "yesterday", "shift": "7d"}]}""", """
                [{"name": "p", "levels": [
                   {"trigger": {"warning": "firstReply"}, "targets": [{"person": "bob"}], "actions": ["notify"]},
                   {"trigger": {"after": "soon"}, "targets": [{"tier": 2}], "actions": ["notify", "dance"],
                    "repeat": {"every": "5m", "times": 99}}]}]""");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(text));
        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("directory.people[sam].email", "directory.people[sam].workingHours",
                "directory.teams[billing].supervisor", "directory.rotas[night].start",
                "escalationPolicies[p].levels[0].trigger.warning", "escalationPolicies[p].levels[0].targets[0].person",
                "escalationPolicies[p].levels[0].targets", "escalationPolicies[p].levels[1].trigger.after",
                "escalationPolicies[p].levels[1].actions[1]", "escalationPolicies[p].levels[1].targets",
                "escalationPolicies[p].levels[1].repeat.times"), fields, refused.errors().toString());
    }

    @Test
    void aValidCustomPolicyIsChosenByItsConditions() throws Exception {
        Policies policies = PolicyDocument.parse(withEscalation("""
                {"people": [{"id": "lee", "email": "lee@example.com"}]}""", """
                [{"name": "vip", "when": {"plan": ["enterprise"]},
                  "levels": [{"trigger": {"breach": "any"}, "targets": [{"person": "lee"}], "actions": ["notify"]}]}]"""));
        var subject = new io.tierline.core.sla.SlaSubject("enterprise", null, null, null, null, null);
        assertEquals("vip", policies.escalation().applicableTo(subject).orElseThrow().name());
        assertTrue(policies.escalation().applicableTo(subject.withTeam(new TeamName("x"))).isPresent());
        assertTrue(policies.escalation().applicableTo(new io.tierline.core.sla.SlaSubject("basic", null, null, null,
                null, null)).isEmpty());
    }
}
