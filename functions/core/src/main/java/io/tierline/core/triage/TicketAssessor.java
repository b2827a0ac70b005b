package io.tierline.core.triage;

import io.tierline.core.classify.Classification;
import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.Frustration;
import io.tierline.core.classify.FrustrationSignal;
import io.tierline.core.classify.LanguageDetector;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.ticket.Ticket;
import java.util.Optional;

/** Reads a ticket's language, frustration, escalation risk and predicted category; models are loaded once, here. */
public final class TicketAssessor {
    private final Optional<TextClassifier> categoryModel;
    private final EscalationRisk risk;
    private final CustomerContacts contacts;

    public TicketAssessor(Optional<TextClassifier> categoryModel, EscalationRisk risk) {
        this(categoryModel, risk, CustomerContacts.none());
    }

    /** With the customer's earlier contacts and escalations read from {@code contacts} for every ticket. */
    public TicketAssessor(Optional<TextClassifier> categoryModel, EscalationRisk risk, CustomerContacts contacts) {
        this.categoryModel = categoryModel;
        this.risk = risk;
        this.contacts = contacts;
    }

    /** The bundled category model (when the build carries one) and the hand-weighted escalation risk. */
    public static TicketAssessor bundled() {
        return new TicketAssessor(TextClassifier.bundledCategoryModel(), EscalationRisk.fallback());
    }

    /**
     * The customer's earlier contacts and escalations (when this assessor was given {@link CustomerContacts}) count
     * in frustration and in the escalation risk.
     */
    public TicketAssessment assess(Ticket ticket) {
        ContactHistory history = contacts.of(ticket);
        Frustration frustration = FrustrationSignal.defaults().score(ticket.subject(), ticket.description(),
                history);
        Optional<Classification> categories = categoryModel.map(model -> model.classify(ticket.subject(),
                ticket.description()));
        // a closed ticket, which the model learned from, nearly always has a category; at triage a ticket the
        // customer did not categorise gets the classifier's best guess, so the model reads a category either way
        RiskContext context = riskContext(ticket, history);
        if (ticket.category() == null && categories.isPresent()) {
            context = new RiskContext(context.channel(), context.plan(), categories.get().best().label(), history);
        }
        return new TicketAssessment(LanguageDetector.defaults().detect(ticket.subject(), ticket.description()),
                frustration, risk.assess(ticket.subject(), ticket.description(), frustration, context), categories);
    }

    /** What a learned risk model reads of a ticket besides its text; the export for training builds it here too. */
    public static RiskContext riskContext(Ticket ticket, ContactHistory history) {
        return new RiskContext(ticket.channel() == null ? null : ticket.channel().code(),
                ticket.requester() == null ? null : ticket.requester().plan(), ticket.category(), history);
    }
}
