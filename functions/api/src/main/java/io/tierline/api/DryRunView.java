package io.tierline.api;

import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tierline.core.classify.Prediction;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.triage.ClassifierVerdict;
import io.tierline.core.triage.RuleActions;
import io.tierline.core.triage.TicketAssessment;
import io.tierline.core.triage.TriageEvaluation;
import io.tierline.core.triage.TriageRule;
import java.util.List;

/** The answer of a triage dry run: what triage read from the ticket, which rules fire and what would be decided. */
public record DryRunView(Language language, Score frustration, Score escalationRisk, Classifier classifier,
                         List<FiredRule> rules, Decision decision) {

    public record Language(String code, double confidence) {
    }

    /** @param source where a risk score came from (model or heuristic); absent for frustration */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(double score, String source, List<String> reasons) {
    }

    public record Classifier(boolean used, double minConfidence, List<Prediction> top) {
    }

    /** A rule that fired and what it does; fields it leaves alone are absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actions(String team, Integer tier, String category, String priority, List<String> tags,
                          boolean escalateNow, boolean stop) {
    }

    public record FiredRule(String name, Actions then) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String priority, String team, Integer tier, String category, List<String> addTags,
                           String reason) {
    }

    static DryRunView of(TriageEvaluation evaluation) {
        TicketAssessment a = evaluation.assessment();
        ClassifierVerdict c = evaluation.classifier();
        TriageDecision d = evaluation.decision();
        return new DryRunView(new Language(a.language().code(), a.language().confidence()),
                new Score(d.signals().frustration(), null, a.frustration().reasons().stream()
                        .map(r -> Codes.of(r.kind()) + ": " + r.evidence()).toList()),
                new Score(d.signals().escalationRisk(), Codes.of(a.risk().source()), a.risk().reasons()),
                new Classifier(c.used(), c.minConfidence(), c.top()),
                evaluation.fired().stream().map(DryRunView::fired).toList(),
                new Decision(code(d.priority()), TeamName.nameOf(d.team()), number(d.tier()), d.category(),
                        d.addTags(), d.reason()));
    }

    private static FiredRule fired(TriageRule rule) {
        RuleActions then = rule.then();
        return new FiredRule(rule.name(), new Actions(then.team(), number(then.tier()), then.category(),
                code(then.priority()), then.tags().isEmpty() ? null : then.tags(), then.escalateNow(), then.stop()));
    }

    private static String code(Priority priority) {
        return priority == null ? null : priority.code();
    }

    private static Integer number(Tier tier) {
        return tier == null ? null : tier.number();
    }
}
