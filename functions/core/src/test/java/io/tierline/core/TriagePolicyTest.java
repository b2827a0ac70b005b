package io.tierline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.DetectedLanguage;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.Prediction;
import io.tierline.core.classify.RiskScore;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.report.RootCauses;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessment;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageEvaluation;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.triage.TriageRule;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriagePolicyTest {
    /** Monday 11:00 in Berlin: the berlin-office calendar is open. */
    static final Instant OFFICE_HOURS = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant EVENING = Instant.parse("2026-01-05T20:00:00Z");
    /** Language, frustration and risk from the text, but no category model: rules alone decide. */
    static final TicketAssessor WITHOUT_MODEL = new TicketAssessor(Optional.empty(), EscalationRisk.fallback());
    static final TicketAssessor WITH_MODEL = TicketAssessor.bundled();

    final TriagePolicy policy = PolicyDocument.bundled().triage();
    final SettableClock clock = new SettableClock(OFFICE_HOURS);

    Ticket ticket(String subject, String description, Level impact, Level urgency) {
        return ticket(subject, description, impact, urgency, Channel.API, null, null);
    }

    Ticket ticket(String subject, String description, Level impact, Level urgency, Channel channel, String plan,
                  String category) {
        return Ticket.open(TicketId.next(clock), new TicketDraft(new TicketDraft.Asked(subject, description),
                new Requester("n", "n@example.com", null, plan), channel, new TicketDraft.Levels(impact, urgency),
                new TicketDraft.Topic(category, List.of())),
                "salt", Actor.customer("n@example.com"), clock.instant()).after();
    }

    TriageDecision decide(TriagePolicy p, Ticket t) {
        return p.decide(t, WITHOUT_MODEL.assess(t), OFFICE_HOURS);
    }

    static TicketAssessment signals(String language, double frustration, double risk) {
        return new TicketAssessment(new DetectedLanguage(language, 0.9), new Frustration(frustration, List.of()),
                new RiskScore(risk, RiskScore.Source.HEURISTIC, List.of()), Optional.empty());
    }

    static TicketAssessment predicted(String label, double confidence) {
        return new TicketAssessment(new DetectedLanguage("en", 0.9), new Frustration(0, List.of()),
                new RiskScore(0, RiskScore.Source.HEURISTIC, List.of()), Optional.of(new Classification(
                List.of(new Prediction(label, confidence), new Prediction("other", 1 - confidence)))));
    }

    /** A policy document with the bundled matrix, a tier-1 default route, one calendar and these rules. */
    static TriagePolicy withRules(String rules) {
        return PolicyDocument.parse(document("\"rules\": [" + rules + "]")).triage();
    }

    static String document(String extra) {
        return """
                {"priorityMatrix":{"high":{"high":"urgent","medium":"high","low":"normal"},
                                   "medium":{"high":"high","medium":"normal","low":"low"},
                                   "low":{"high":"normal","medium":"low","low":"low"}},
                 "defaultRoute":{"team":"service-desk","tier":1},
                 "calendars":[{"id":"berlin-office","timeZone":"Europe/Berlin",
                               "weekly":{"monday":[["09:00","17:00"]]}}],
                """ + extra + "}";
    }

    @Test
    void priorityComesFromTheMatrix() {
        assertEquals(Priority.URGENT, decide(policy, ticket("a", "b", Level.HIGH, Level.HIGH)).priority());
        assertEquals(Priority.HIGH, decide(policy, ticket("a", "b", Level.MEDIUM, Level.HIGH)).priority());
        assertEquals(Priority.NORMAL, decide(policy, ticket("a", "b", Level.HIGH, Level.LOW)).priority());
        assertEquals(Priority.LOW, decide(policy, ticket("a", "b", Level.LOW, Level.LOW)).priority());
    }

    @Test
    void theBundledRulesRouteOnWholeWordsAndTheFirstMatchDecides() {
        TriageDecision d = decide(policy, ticket("Refund please", "I was charged twice", Level.LOW, Level.MEDIUM));
        assertEquals(new TeamName("billing"), d.team());
        assertEquals(Tier.FRONT_LINE, d.tier());
        assertEquals("rule 'billing'", d.reason());
        // 'security' is listed before 'billing' and stops evaluation: the first rule in order wins
        TriageDecision both = decide(policy, ticket("Phishing invoice", "x", Level.LOW, Level.MEDIUM));
        assertEquals(new TeamName("security"), both.team());
        assertEquals(Tier.EXPERT, both.tier());
        assertEquals("rule 'security'", both.reason());
        // 'down' must not fire inside 'download' or 'countdown'
        TriageDecision none = decide(policy, ticket("Download is slow", "the countdown shows", Level.LOW, Level.LOW));
        assertEquals(new TeamName("service-desk"), none.team());
        assertEquals(Tier.FRONT_LINE, none.tier());
        assertEquals("no rule matched: default route", none.reason());
        assertEquals(new TeamName("platform-engineering"), decide(policy, ticket("Site DOWN", "help", Level.HIGH,
                Level.HIGH))
                .team());
    }

    @Test
    void matchingRulesApplyInOrderOverridingFieldByFieldUntilOneStops() {
        TriagePolicy p = withRules("""
                {"name":"tag-vip","when":{"fields":{"plan":["pro"]}},
                 "then":{"team":"vip-desk","priority":"high","tags":["vip"],"stop":false}},
                {"name":"billing","when":{"keywords":["invoice"]},
                 "then":{"team":"billing","category":"billing","tags":["money"],"stop":false}},
                {"name":"stopper","when":{"keywords":["refund"]},"then":{"tier":3}},
                {"name":"never-reached","when":{"keywords":["refund"]},"then":{"team":"nobody"}}""");
        TriageEvaluation both = p.evaluate(ticket("Invoice wrong", "x", Level.LOW, Level.LOW, Channel.WEB, "pro",
                null), signals("en", 0, 0), OFFICE_HOURS);
        TriageDecision d = both.decision();
        assertEquals(List.of("tag-vip", "billing"), both.fired().stream().map(TriageRule::name).toList());
        assertEquals(new TeamName("billing"), d.team(), "the later rule overrides the team");
        assertEquals(Priority.HIGH, d.priority(), "the earlier rule's priority stays: billing does not set one");
        assertEquals("billing", d.category());
        assertEquals(Tier.FRONT_LINE, d.tier(), "no rule set a tier: the default route's");
        assertEquals(List.of("lang-en", "vip", "money"), d.addTags());
        assertEquals("rule 'tag-vip', rule 'billing'", d.reason());

        TriageEvaluation stopped = p.evaluate(ticket("Invoice refund", "x", Level.LOW, Level.LOW, Channel.WEB,
                "basic", null), signals("en", 0, 0), OFFICE_HOURS);
        assertEquals(List.of("billing", "stopper"), stopped.fired().stream().map(TriageRule::name).toList());
        assertEquals(new TeamName("billing"), stopped.decision().team(),
                "the rule after the stopping one is not evaluated");
        assertEquals(Tier.ENGINEERING, stopped.decision().tier());
        assertEquals(Priority.LOW, stopped.decision().priority(), "the matrix: no rule set a priority");
    }

    @Test
    void escalateNowSkipsTierOneButNeverLowersATier() {
        TriagePolicy p = withRules("""
                {"name":"expert","when":{"keywords":["kernel"]},"then":{"team":"platform","tier":1,
                 "escalateNow":true,"stop":false}},
                {"name":"engineering","when":{"keywords":["panic"]},"then":{"tier":3}}""");
        assertEquals(Tier.EXPERT, decide(p, ticket("kernel", "x", Level.LOW, Level.LOW)).tier(),
                "escalating now beats the rule's own tier 1");
        assertEquals(Tier.ENGINEERING, decide(p, ticket("kernel panic", "x", Level.LOW, Level.LOW)).tier());
        assertEquals(Tier.FRONT_LINE, decide(p, ticket("printer", "x", Level.LOW, Level.LOW)).tier());
    }

    @Test
    void eachConditionKindDecidesWhetherARuleFires() {
        TriagePolicy p = withRules("""
                {"name":"regex","when":{"regex":"error\\\\s+0x[0-9a-f]+"},"then":{"team":"regex"}},
                {"name":"channel","when":{"fields":{"channel":["email"]}},"then":{"team":"channel"}},
                {"name":"category","when":{"fields":{"category":["Hardware"]}},"then":{"team":"category"}},
                {"name":"impact-and-urgency","when":{"fields":{"impact":["high"],"urgency":["high"]}},
                 "then":{"team":"both-high"}},
                {"name":"german","when":{"language":["de"]},"then":{"team":"dach"}},
                {"name":"angry","when":{"frustrationAtLeast":0.5},"then":{"team":"supervisors"}},
                {"name":"risky","when":{"riskAtLeast":0.7},"then":{"team":"experts"}},
                {"name":"after-hours","when":{"timeOfDay":{"calendar":"berlin-office","open":false}},
                 "then":{"team":"night-shift"}}""");
        Ticket plain = ticket("hello", "x", Level.LOW, Level.LOW);
        TicketAssessment calm = signals("en", 0.2, 0.2);
        assertEquals(new TeamName("service-desk"), p.decide(plain, calm, OFFICE_HOURS).team(), "nothing holds");
        assertEquals(new TeamName("regex"), p.decide(ticket("Error  0x1F", "x", Level.LOW, Level.LOW), calm,
                OFFICE_HOURS).team());
        assertEquals(new TeamName("channel"), p.decide(ticket("hello", "x", Level.LOW, Level.LOW, Channel.EMAIL, null,
                null), calm,
                OFFICE_HOURS).team());
        assertEquals(new TeamName("category"), p.decide(ticket("hello", "x", Level.LOW, Level.LOW, Channel.API, null,
                "hardware"),
                calm, OFFICE_HOURS).team(), "field values compare in any case");
        assertEquals(new TeamName("service-desk"), p.decide(ticket("hello", "x", Level.HIGH, Level.LOW), calm,
                OFFICE_HOURS)
                .team(), "every field listed must match");
        assertEquals(new TeamName("both-high"), p.decide(ticket("hello", "x", Level.HIGH, Level.HIGH), calm,
                OFFICE_HOURS).team());
        assertEquals(new TeamName("dach"), p.decide(plain, signals("de", 0, 0), OFFICE_HOURS).team());
        assertEquals(new TeamName("service-desk"), p.decide(plain, signals("en", 0.49, 0.69), OFFICE_HOURS).team());
        assertEquals(new TeamName("supervisors"), p.decide(plain, signals("en", 0.5, 0), OFFICE_HOURS).team());
        assertEquals(new TeamName("experts"), p.decide(plain, signals("en", 0, 0.7), OFFICE_HOURS).team());
        assertEquals(new TeamName("night-shift"), p.decide(plain, calm, EVENING).team());
    }

    @Test
    void theClassifierSetsTheCategoryOnlyAtOrAboveTheThreshold() {
        TriagePolicy p = withRules("""
                {"name":"hardware","when":{"fields":{"category":["4"]}},"then":{"team":"hardware","tier":2}}""");
        Ticket t = ticket("My laptop", "x", Level.LOW, Level.LOW);
        TriageEvaluation confident = p.evaluate(t, predicted("4", 0.91), OFFICE_HOURS);
        assertTrue(confident.classifier().used());
        assertEquals("4", confident.decision().category());
        assertEquals(new TeamName("hardware"), confident.decision().team(), "rules see the classifier's category");
        assertEquals("classifier: category 4 (0.91); rule 'hardware'", confident.decision().reason());

        TriageEvaluation unsure = p.evaluate(t, predicted("4", 0.59), OFFICE_HOURS);
        assertFalse(unsure.classifier().used(), "0.59 is below the default threshold 0.6");
        assertNull(unsure.decision().category());
        assertEquals(new TeamName("service-desk"), unsure.decision().team());
        assertEquals(Tier.FRONT_LINE, unsure.decision().tier());
        assertEquals("no rule matched: default route", unsure.decision().reason());
        assertTrue(p.evaluate(t, predicted("4", 0.6), OFFICE_HOURS).classifier().used(), "at the threshold: used");
    }

    @Test
    void theBundledModelIsUsedOrNotAccordingToThePolicysThreshold() {
        Ticket t = ticket("Cannot connect to VPN", "The VPN client fails since this morning", Level.LOW, Level.LOW);
        TicketAssessment assessed = WITH_MODEL.assess(t);
        TriagePolicy always = PolicyDocument.parse(document("\"classifier\":{\"minConfidence\":0.0}")).triage();
        TriagePolicy never = PolicyDocument.parse(document("\"classifier\":{\"minConfidence\":1.0}")).triage();
        TriageEvaluation used = always.evaluate(t, assessed, OFFICE_HOURS);
        assertTrue(used.classifier().used());
        String best = assessed.categories().orElseThrow().best().label();
        assertEquals(best, used.decision().category());
        assertTrue(used.decision().reason().startsWith("classifier: category " + best + " ("),
                used.decision().reason());
        TriageEvaluation fallback = never.evaluate(t, assessed, OFFICE_HOURS);
        assertFalse(fallback.classifier().used());
        assertNull(fallback.decision().category());
        assertEquals(new TeamName("service-desk"), fallback.decision().team());
        assertEquals(Tier.FRONT_LINE, fallback.decision().tier());
        assertEquals("no rule matched: default route", fallback.decision().reason());
    }

    @Test
    void aFrenchTicketIsTaggedFrenchAndCarriesItsSignals() {
        Ticket t = ticket("Je ne peux pas me connecter",
                "Bonjour, depuis ce matin je ne peux plus accéder à mon compte et c'est très urgent.", Level.LOW,
                Level.LOW);
        TriageDecision d = decide(policy, t);
        assertEquals("fr", d.signals().language());
        assertTrue(d.addTags().contains("lang-fr"), d.addTags().toString());
        Ticket english = ticket("I cannot sign in", "Since this morning I cannot open my account, please help.",
                Level.LOW, Level.LOW);
        assertTrue(decide(policy, english).addTags().contains("lang-en"));
    }

    @Test
    void aBadRulesDocumentIsRefusedNamingRuleAndField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(document("""
                "classifier":{"minConfidence":2},
                "rules":[{"name":"outage","when":{"regex":"(down","keywords":[],"fields":{"channel":["fax"],
                           "colour":["red"]},"language":["french"],"frustrationAtLeast":"high",
                           "timeOfDay":{"calendar":"mars-office","open":true}},
                          "then":{"tier":5,"team":"Platform Team","priority":"asap","stop":"yes"}},
                         {"name":"outage","then":{}},
                         {"when":{"keywords":["x"]},"then":{"team":"ops"}},
                         {"name":"nothing-to-do","when":{"keywords":["x"]}}]""")));
        List<FieldError> errors = e.errors();
        for (FieldError expected : List.of(
                new FieldError("classifier.minConfidence", "must be a number from 0 to 1"),
                new FieldError("rules[outage].when.regex",
                        "is not a valid regular expression: Unclosed group"),
                new FieldError("rules[outage].when.keywords", "must list at least one keyword"),
                new FieldError("rules[outage].when.fields.channel[0]", "must be one of web, email, chat, social, api"),
                new FieldError("rules[outage].when.fields.colour",
                        "is not a known field; expected one of category, channel, impact, plan, urgency"),
                new FieldError("rules[outage].when.language[0]", "must be an ISO 639-1 code such as fr, or und"),
                new FieldError("rules[outage].when.frustrationAtLeast", "must be a number from 0 to 1"),
                new FieldError("rules[outage].when.timeOfDay.calendar",
                        "must name a calendar of the calendars section: one of berlin-office, calendar-time"),
                new FieldError("rules[outage].then.tier", "must be a tier from 0 to 3"),
                new FieldError("rules[outage].then.team", "must be a team code: lower-case letters, digits and -"),
                new FieldError("rules[outage].then.stop", "must be true or false"),
                new FieldError("rules[outage].name", "is used by another rule"),
                new FieldError("rules[2].name", "is required"),
                new FieldError("rules[nothing-to-do].then", "is required"))) {
            assertTrue(errors.contains(expected), expected + " not in " + errors);
        }
        assertTrue(errors.stream().anyMatch(error -> error.field().equals("rules[outage].then.priority")),
                errors.toString());
    }

    @Test
    void theOldRoutingRulesSectionIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(document(
                "\"routingRules\":[]")));
        assertTrue(e.errors().contains(new FieldError("routingRules", "is not a known field; expected one of $schema, "
                + "assignment, calendars, classifier, defaultRoute, directory, escalationPolicies, escalationRequests, "
                + "followUp, priorityMatrix, rootCauses, rules, slaPolicies, transfers")), e.errors().toString());
    }

    @Test
    void theRootCauseTaxonomyComesFromTheDocumentAndBadCodesNameThePath() {
        assertEquals(RootCauses.DEFAULT, PolicyDocument.parse(document("\"rules\":[]")).rootCauses());
        RootCauses causes = PolicyDocument.parse(document("\"rootCauses\":[\"outage\",\"user-error\"]"))
                .rootCauses();
        assertEquals(List.of("outage", "user-error"), causes.codes());
        assertEquals("other", causes.classify("product-defect"));
        assertEquals("outage", causes.classify(" Outage "));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse(document(
                "\"rootCauses\":[\"outage\",\"Bad Code\",\"other\"]")));
        assertEquals(List.of("rootCauses[1]", "rootCauses[2]"), e.errors().stream().map(FieldError::field)
                .distinct().toList(), e.errors().toString());
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
