package io.tierline.core.triage;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.FrustrationSignal;
import io.tierline.core.classify.LanguageDetector;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.ticket.Ticket;
import java.util.Optional;

/** Reads a ticket's language, frustration, escalation risk and predicted category; models are loaded once, here. */
public final class TicketAssessor {
    private final Optional<TextClassifier> categoryModel;
    private final EscalationRisk risk;

    public TicketAssessor(Optional<TextClassifier> categoryModel, EscalationRisk risk) {
        this.categoryModel = categoryModel;
        this.risk = risk;
    }

    /** The bundled category model (when the build carries one) and the hand-weighted escalation risk. */
    public static TicketAssessor bundled() {
        return new TicketAssessor(TextClassifier.bundledCategoryModel(), EscalationRisk.fallback());
    }

    /** The customer's history is not consulted yet: frustration counts the ticket's own wording only. */
    public TicketAssessment assess(Ticket ticket) {
        Frustration frustration = FrustrationSignal.defaults().score(ticket.subject(), ticket.description(),
                ContactHistory.NONE);
        return new TicketAssessment(LanguageDetector.defaults().detect(ticket.subject(), ticket.description()),
                frustration, risk.assess(ticket.subject(), ticket.description(), frustration),
                categoryModel.map(model -> model.classify(ticket.subject(), ticket.description())));
    }
}
