package io.tierline.core.ticket;

import java.time.Instant;

/**
 * Where a ticket stands in its escalation policy: the current episode, its acknowledgement, the step planned next
 * and the notifications still to hand over. The escalation engine (io.tierline.core.escalation) is the only writer;
 * everything else reads it, through the parts or the conveniences below.
 *
 * @param policy  the escalation policy chosen for the ticket, by name
 * @param fanOut  notifications recorded but not yet handed to the notify queue (which step), or null; kept until
 *                they are, so a crash between the write and the send loses nothing
 */
public record EscalationState(String policy, Episode episode, Acknowledgement acknowledgement, Plan plan,
                              FanOutMark fanOut) {
    public enum Step { NEXT_LEVEL, REMINDER, ACKNOWLEDGEMENT_TIMEOUT }

    /**
     * @param level     the policy level reached in the current episode (0: none yet)
     * @param sequence  how many escalations the ticket has had (manual, customer-requested and automatic); the
     *                  notifications of escalation n are keyed by n
     * @param levelAt   when the current level (or the last escalation) started
     * @param reminders reminders already sent for the current level
     */
    public record Episode(int level, int sequence, Instant levelAt, int reminders) {
    }

    /** Who acknowledged the current escalation and when; both null until someone does. */
    public record Acknowledgement(String by, Instant at) {
        public static final Acknowledgement NONE = new Acknowledgement(null, null);
    }

    /** What happens next without anyone acting, and when; both null when nothing will. */
    public record Plan(Step step, Instant at) {
        public static final Plan NONE = new Plan(null, null);
    }

    public EscalationState {
        acknowledgement = acknowledgement == null ? Acknowledgement.NONE : acknowledgement;
        plan = plan == null ? Plan.NONE : plan;
    }

    public static EscalationState none(String policy) {
        return fresh(policy, 0, 0, null, 0, null);
    }

    /** A level (0: none) starting at {@code levelAt}: nobody acknowledged it and no step is planned yet. */
    public static EscalationState fresh(String policy, int level, int sequence, Instant levelAt, int reminders,
                                        FanOutMark fanOut) {
        return new EscalationState(policy, new Episode(level, sequence, levelAt, reminders), Acknowledgement.NONE,
                Plan.NONE, fanOut);
    }

    public EscalationState withPolicy(String name) {
        return new EscalationState(name, episode, acknowledgement, plan, fanOut);
    }

    public EscalationState withNextStep(Step step, Instant at) {
        return new EscalationState(policy, episode, acknowledgement, new Plan(step, at), fanOut);
    }

    public EscalationState acknowledged(String by, Instant at) {
        return new EscalationState(policy, episode, new Acknowledgement(by, at), plan, fanOut);
    }

    public EscalationState withFanOut(FanOutMark pending) {
        return new EscalationState(policy, episode, acknowledgement, plan, pending);
    }

    /** The episode is over: back to level 0 with nothing planned; notifications still pending stay pending. */
    public EscalationState settled() {
        return fresh(policy, 0, episode.sequence(), episode.levelAt(), 0, fanOut);
    }

    public boolean isAcknowledged() {
        return acknowledgement.at() != null;
    }

    /** The earliest instant at which the engine has work: a pending fan-out (now) or its next step. */
    public Instant dueAt() {
        if (fanOut != null) {
            return episode.levelAt() != null ? episode.levelAt() : Instant.EPOCH; // overdue: the next sweep sends it
        }
        return plan.at();
    }

    // ---- the parts' fields, for the many readers -----------------------------------------------------------------

    public int level() {
        return episode.level();
    }

    public int sequence() {
        return episode.sequence();
    }

    public Instant levelAt() {
        return episode.levelAt();
    }

    public int reminders() {
        return episode.reminders();
    }

    public String acknowledgedBy() {
        return acknowledgement.by();
    }

    public Instant acknowledgedAt() {
        return acknowledgement.at();
    }

    public Step nextStep() {
        return plan.step();
    }

    public Instant nextStepAt() {
        return plan.at();
    }
}
