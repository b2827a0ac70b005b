package io.tierline.core.metrics;

import java.util.List;

/**
 * Every metric Tierline emits, with its CloudWatch name, unit and dimensions (docs/operations.md lists them). Each is
 * also emitted without dimensions, so an alarm or a dashboard line can take the total.
 */
public enum MetricName {
    TICKETS_CREATED("TicketsCreated", Unit.COUNT, Dimension.CHANNEL),
    TRIAGE_DECISIONS("TriageDecisions", Unit.COUNT, Dimension.PRIORITY, Dimension.TIER),
    SLA_WARNINGS("SlaWarnings", Unit.COUNT, Dimension.SLA_METRIC),
    SLA_BREACHES("SlaBreaches", Unit.COUNT, Dimension.SLA_METRIC),
    /** Fire time minus due time of a timed step, both from its event. */
    DEADLINE_LATENESS("DeadlineLateness", Unit.MILLISECONDS, Dimension.STEP),
    ESCALATIONS("Escalations", Unit.COUNT, Dimension.KIND, Dimension.LEVEL),
    NOTIFICATIONS_DELIVERED("NotificationsDelivered", Unit.COUNT, Dimension.NOTIFY_CHANNEL),
    NOTIFICATIONS_RETRIED("NotificationsRetried", Unit.COUNT, Dimension.NOTIFY_CHANNEL),
    NOTIFICATIONS_DEAD_LETTERED("NotificationsDeadLettered", Unit.COUNT, Dimension.NOTIFY_CHANNEL),
    SWEEP_RUNS("SweepRuns", Unit.COUNT),
    SWEEP_ITEMS_READ("SweepItemsRead", Unit.COUNT),
    SWEEP_ITEMS_DUE("SweepItemsDue", Unit.COUNT),
    DUPLICATES_DROPPED("DuplicatesDropped", Unit.COUNT, Dimension.STAGE);

    /** CloudWatch's unit names. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String cloudWatchName;
    private final Unit unit;
    private final List<Dimension> dimensions;

    MetricName(String cloudWatchName, Unit unit, Dimension... dimensions) {
        this.cloudWatchName = cloudWatchName;
        this.unit = unit;
        this.dimensions = List.of(dimensions);
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    public Unit unit() {
        return unit;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }
}
