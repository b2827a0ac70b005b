package io.tierline.core.triage;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How new tickets are prioritised and routed: the matrix gives the priority; the category model's prediction sets
 * the category when it is confident enough; then the ordered rules apply (each firing rule overrides what it sets,
 * until one that stops); what no rule set comes from the default route.
 *
 * @param classifierMinConfidence the category model's prediction is used only at or above this probability
 */
public record TriagePolicy(PriorityMatrix priorityMatrix, String defaultTeam, Tier defaultTier,
                           double classifierMinConfidence, List<TriageRule> rules) {
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    public TriagePolicy {
        rules = List.copyOf(rules);
    }

    /** The teams triage routes to: the default route's and every rule's. */
    public java.util.SortedSet<String> teams() {
        java.util.SortedSet<String> teams = new java.util.TreeSet<>();
        if (defaultTeam != null) {
            teams.add(defaultTeam);
        }
        rules.stream().map(r -> r.then().team()).filter(java.util.Objects::nonNull).forEach(teams::add);
        return teams;
    }

    public TriageDecision decide(Ticket ticket, TicketAssessment assessment, Instant now) {
        return evaluate(ticket, assessment, now).decision();
    }

    public TriageEvaluation evaluate(Ticket ticket, TicketAssessment assessment, Instant now) {
        ClassifierVerdict classifier = ClassifierVerdict.of(assessment.categories(), classifierMinConfidence);
        String category = classifier.category().orElse(ticket.category());
        TriageFacts facts = new TriageFacts(ticket, assessment, category, now);
        Route route = new Route(priorityMatrix.priorityOf(ticket.impact(), ticket.urgency()), defaultTeam,
                defaultTier, category, List.of(assessment.signals().languageTag()), false);
        List<TriageRule> fired = new ArrayList<>();
        for (TriageRule rule : rules) {
            if (rule.when().holdsFor(facts)) {
                fired.add(rule);
                route = route.apply(rule.then());
                if (rule.then().stop()) {
                    break;
                }
            }
        }
        TriageDecision decision = new TriageDecision(route.priority(), TeamName.of(route.team()), route.finalTier(),
                route.category(), route.tags(), assessment.signals(), reason(classifier, fired));
        return new TriageEvaluation(assessment, classifier, fired, decision);
    }

    /** What decided, for the audit trail: "classifier: category 4 (0.91); rule 'outage'". */
    private static String reason(ClassifierVerdict classifier, List<TriageRule> fired) {
        List<String> parts = new ArrayList<>();
        if (classifier.used()) {
            parts.add(classifier.reason());
        }
        if (fired.isEmpty()) {
            parts.add("no rule matched: default route");
        } else {
            parts.add(fired.stream().map(rule -> "rule '" + rule.name() + "'").collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }
}
