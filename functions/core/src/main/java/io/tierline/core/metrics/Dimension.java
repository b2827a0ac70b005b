package io.tierline.core.metrics;

/** The dimensions a Tierline metric is split by; each has a fixed name in CloudWatch. */
public enum Dimension {
    /** How a ticket came in: web, email, chat, social, api. */
    CHANNEL("Channel"),
    /** The priority triage decided, P1-P4. */
    PRIORITY("Priority"),
    /** The tier triage routed the ticket to. */
    TIER("Tier"),
    /** The SLA clock: firstResponse, nextResponse, resolution. */
    SLA_METRIC("SlaMetric"),
    /** What fired late: sla-warning, sla-breach, escalation, reminder. */
    STEP("Step"),
    /** The escalation's kind: functional, hierarchical, customer-requested... */
    KIND("Kind"),
    /** The escalation level reached (1, 2, ...). */
    LEVEL("Level"),
    /** The notification channel: email, slack, webhook. */
    NOTIFY_CHANNEL("NotifyChannel"),
    /** Where a duplicate delivery was dropped: intake, triage, escalate, notify. */
    STAGE("Stage");

    private final String cloudWatchName;

    Dimension(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
