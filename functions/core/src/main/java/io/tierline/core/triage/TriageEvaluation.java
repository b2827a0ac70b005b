package io.tierline.core.triage;

import io.tierline.core.ticket.TriageDecision;
import java.util.List;

/**
 * How triage reached its decision, for the worker (the decision) and the dry run (all of it).
 *
 * @param fired the rules that fired, in order, up to and including the one that stopped evaluation
 */
public record TriageEvaluation(TicketAssessment assessment, ClassifierVerdict classifier, List<TriageRule> fired,
                               TriageDecision decision) {
    public TriageEvaluation {
        fired = List.copyOf(fired);
    }
}
