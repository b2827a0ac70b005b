package io.tierline.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One escalation as the escalation engine decided it, for {@link Ticket#escalate} to apply and record. It is made
 * of four parts: why it happened ({@link Decision}), where it moves the ticket ({@link Move}), who hears of it
 * ({@link Audience}) and the escalation state after it. Built only through the named factories ({@link #toLevel},
 * {@link #retrigger}, {@link #manual}) and the {@code with...} methods; parts left out change nothing.
 */
public final class EscalationStep {
    /**
     * Why the escalation happened, as the trail records it.
     *
     * @param reason     the reason's code (a manual reason, or the trigger of an automatic level)
     * @param reasonText the reason in words, for the trail
     * @param comment    the agent's comment, or null
     */
    public record Decision(EscalationKind kind, String reason, String reasonText, String comment,
                           boolean customerRequested) {
        public Decision {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Where the escalation moves the ticket; a null part stays as it is.
     *
     * @param assignee the person the ticket is assigned to (moving it elsewhere otherwise clears its assignee)
     * @param priority the priority it is raised to
     */
    public record Move(TeamName team, Tier tier, PersonId assignee, Priority priority, boolean clearsPendingTransfer) {
        static final Move NONE = new Move(null, null, null, null, false);
    }

    /**
     * Who hears of the escalation.
     *
     * @param person          the person escalated to (a supervisor, a manager, someone on call), or null
     * @param recipients      who is notified, people, or a team's shared channel
     * @param addWatchers     people who follow the ticket from now on
     * @param customerMessage what the customer is told, or null when this escalation is not theirs to know
     */
    public record Audience(PersonId person, List<Recipient> recipients, List<PersonId> addWatchers,
                           String customerMessage) {
        static final Audience NOBODY = new Audience(null, List.of(), List.of(), null);

        public Audience {
            recipients = List.copyOf(recipients);
            addWatchers = List.copyOf(addWatchers);
        }
    }

    private final Decision decision;
    private final Move move;
    private final Audience audience;
    private final EscalationState next;
    private final Instant dueAt;

    private EscalationStep(Decision decision, Move move, Audience audience, EscalationState next, Instant dueAt) {
        this.decision = decision;
        this.move = move;
        this.audience = audience;
        this.next = Objects.requireNonNull(next, "next");
        this.dueAt = dueAt;
    }

    /**
     * A level of an escalation policy, automatic (triggered by an SLA deadline or a delay) or run by hand
     * ("escalate to next").
     *
     * @param next the escalation state after this step
     */
    public static EscalationStep toLevel(EscalationKind kind, String reason, String reasonText,
                                         EscalationState next) {
        return new EscalationStep(new Decision(kind, reason, reasonText, null, false), Move.NONE, Audience.NOBODY,
                next, null);
    }

    /**
     * An acknowledgement that timed out without a public update: the same level again, notifying {@code recipients}
     * and moving nothing.
     *
     * @param dueAt when the acknowledgement ran out
     */
    public static EscalationStep retrigger(String reasonText, List<Recipient> recipients, EscalationState next,
                                           Instant dueAt) {
        return new EscalationStep(new Decision(EscalationKind.AUTOMATIC, "acknowledgement-timeout", reasonText, null,
                false), Move.NONE, new Audience(null, recipients, List.of(), null), next, dueAt);
    }

    /** A functional or hierarchical escalation someone asked for: an agent, a supervisor or the customer. */
    public static EscalationStep manual(EscalationKind kind, String reason, String reasonText, String comment,
                                        EscalationState next) {
        return new EscalationStep(new Decision(kind, reason, reasonText, comment, false), Move.NONE,
                Audience.NOBODY, next, null);
    }

    public EscalationStep withComment(String comment) {
        return new EscalationStep(new Decision(decision.kind(), decision.reason(), decision.reasonText(), comment,
                decision.customerRequested()), move, audience, next, dueAt);
    }

    /** Recorded as the customer's: they asked for it. */
    public EscalationStep withCustomerRequested(boolean customerRequested) {
        return new EscalationStep(new Decision(decision.kind(), decision.reason(), decision.reasonText(),
                decision.comment(), customerRequested), move, audience, next, dueAt);
    }

    public EscalationStep withMove(Move move) {
        return new EscalationStep(decision, move, audience, next, dueAt);
    }

    /** Moves the ticket to {@code team} and {@code tier} (null: where it is). */
    public EscalationStep withPlace(TeamName team, Tier tier) {
        return withMove(new Move(team, tier, move.assignee(), move.priority(), move.clearsPendingTransfer()));
    }

    public EscalationStep withAudience(Audience audience) {
        return new EscalationStep(decision, move, audience, next, dueAt);
    }

    /** When a timed step (a level after a delay or an SLA deadline, an acknowledgement timeout) was due. */
    public EscalationStep withDueAt(Instant dueAt) {
        return new EscalationStep(decision, move, audience, next, dueAt);
    }

    public Decision decision() {
        return decision;
    }

    public Move move() {
        return move;
    }

    public Audience audience() {
        return audience;
    }

    // ---- what Ticket#escalate reads ------------------------------------------------------------------------------

    public EscalationKind kind() {
        return decision.kind();
    }

    public String reason() {
        return decision.reason();
    }

    public String reasonText() {
        return decision.reasonText();
    }

    public String comment() {
        return decision.comment();
    }

    public boolean customerRequested() {
        return decision.customerRequested();
    }

    public TeamName team() {
        return move.team();
    }

    public Tier tier() {
        return move.tier();
    }

    public PersonId assignee() {
        return move.assignee();
    }

    public Priority priority() {
        return move.priority();
    }

    public boolean clearsPendingTransfer() {
        return move.clearsPendingTransfer();
    }

    public PersonId person() {
        return audience.person();
    }

    public List<Recipient> recipients() {
        return audience.recipients();
    }

    public List<PersonId> addWatchers() {
        return audience.addWatchers();
    }

    public String customerMessage() {
        return audience.customerMessage();
    }

    /** The escalation state after this step. */
    public EscalationState next() {
        return next;
    }

    /** When a timed step was due; null for a step taken by someone. */
    public Instant dueAt() {
        return dueAt;
    }

    @Override
    public String toString() {
        return "EscalationStep[" + decision + ", " + move + ", " + audience + ", next=" + next + ", dueAt=" + dueAt
                + "]";
    }
}
