package io.tierline.tools.classifier;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.triage.RiskExport;
import io.tierline.core.triage.TicketAssessor;

/**
 * One closed ticket of the risk CSV: its text, how it came in, the customer's history when it did, and whether it
 * reached tier 2 or was escalated. Priority is exported for analysis but not read by the model (see
 * {@link RiskContext}).
 */
public record RiskRow(String id, Text text, Fields fields, ContactHistory history, boolean escalated) {

    /** What the customer wrote. */
    public record Text(String subject, String description) {
    }

    /** The ticket's fields, as codes; any may be empty. */
    public record Fields(String channel, String plan, String category, String priority) {
    }

    public static RiskRow of(RiskExport.Example example) {
        var t = example.ticket();
        return new RiskRow(t.id().value(), new Text(t.subject(), t.description()),
                new Fields(t.channel() == null ? "" : t.channel().code(), orEmpty(t.requester().plan()),
                        orEmpty(t.category()), t.priority() == null ? "" : t.priority().code()),
                example.history(), example.escalated());
    }

    /** The same context triage builds ({@link TicketAssessor#riskContext}), from the exported codes. */
    public RiskContext context() {
        return new RiskContext(fields.channel(), fields.plan(), fields.category(), history);
    }

    public String label() {
        return escalated ? EscalationRisk.ESCALATE : EscalationRisk.NO_ESCALATE;
    }

    public LabelledTicket labelled() {
        return new LabelledTicket(context().modelText(text.subject(), text.description()), label());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
