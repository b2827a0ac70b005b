package io.tierline.core.ticket;

/**
 * Functional: to someone with the skills (another team or tier). Hierarchical: to someone with more authority (a
 * supervisor or manager). Automatic: a policy level, triggered by an SLA warning or breach or by time passing.
 */
public enum EscalationKind {
    FUNCTIONAL, HIERARCHICAL, AUTOMATIC;

    public String code() {
        return Codes.of(this);
    }
}
