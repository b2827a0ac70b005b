package io.tierline.core.ticket;

import java.time.Instant;

/**
 * Where a ticket stands in its escalation policy. The escalation engine (io.tierline.core.escalation) is the only
 * writer; everything else reads it.
 *
 * @param policy         the escalation policy chosen for the ticket, by name
 * @param level          the policy level reached in the current episode (0: none yet)
 * @param sequence       how many escalations the ticket has had (manual, customer-requested and automatic); the
 *                       notifications of escalation n are keyed by n
 * @param levelAt        when the current level (or the last escalation) started
 * @param reminders      reminders already sent for the current level
 * @param acknowledgedBy who acknowledged the current escalation, or null
 * @param acknowledgedAt when, or null
 * @param nextStep       what happens next without anyone acting: {@link Step}, or null when nothing will
 * @param nextStepAt     when it happens
 * @param fanOut         notifications recorded but not yet handed to the notify queue (which step),
 *                       or null; kept until they are, so a crash between the write and the send loses nothing
 */
public record EscalationState(String policy, int level, int sequence, Instant levelAt, int reminders,
                              String acknowledgedBy, Instant acknowledgedAt, Step nextStep, Instant nextStepAt,
                              FanOutMark fanOut) {
    public enum Step { NEXT_LEVEL, REMINDER, ACKNOWLEDGEMENT_TIMEOUT }

    public static EscalationState none(String policy) {
        return fresh(policy, 0, 0, null, 0, null);
    }

    /** A level (0: none) starting at {@code levelAt}: nobody acknowledged it and no step is planned yet. */
    public static EscalationState fresh(String policy, int level, int sequence, Instant levelAt, int reminders,
                                        FanOutMark fanOut) {
        return new EscalationState(policy, level, sequence, levelAt, reminders, null, null, null, null, fanOut);
    }

    public EscalationState withPolicy(String name) {
        return new EscalationState(name, level, sequence, levelAt, reminders, acknowledgedBy, acknowledgedAt,
                nextStep, nextStepAt, fanOut);
    }

    public EscalationState withNextStep(Step step, Instant at) {
        return new EscalationState(policy, level, sequence, levelAt, reminders, acknowledgedBy, acknowledgedAt,
                step, at, fanOut);
    }

    public EscalationState acknowledged(String by, Instant at) {
        return new EscalationState(policy, level, sequence, levelAt, reminders, by, at, nextStep, nextStepAt,
                fanOut);
    }

    public EscalationState withFanOut(FanOutMark pending) {
        return new EscalationState(policy, level, sequence, levelAt, reminders, acknowledgedBy, acknowledgedAt,
                nextStep, nextStepAt, pending);
    }

    /** The episode is over: back to level 0 with nothing planned; notifications still pending stay pending. */
    public EscalationState settled() {
        return fresh(policy, 0, sequence, levelAt, 0, fanOut);
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The earliest instant at which the engine has work: a pending fan-out (now) or its next step. */
    public Instant dueAt() {
        if (fanOut != null) {
            return levelAt != null ? levelAt : Instant.EPOCH; // overdue: the next sweep sends it
        }
        return nextStepAt;
    }
}
