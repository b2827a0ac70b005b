package io.tierline.core.triage;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.DetectedLanguage;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.RiskScore;
import io.tierline.core.ticket.TicketSignals;
import java.util.Optional;

/**
 * Everything triage reads from a ticket's text before the policy decides.
 *
 * @param categories the category model's ranking, empty when no model is configured
 */
public record TicketAssessment(DetectedLanguage language, Frustration frustration, RiskScore risk,
                               Optional<Classification> categories) {

    public TicketSignals signals() {
        return new TicketSignals(language.code(), frustration.score(), risk.score());
    }
}
