package io.tierline.core.metrics;

import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TicketId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One value of one metric with exactly the dimensions its {@link MetricName} declares, and the ticket it is about
 * when there is one (written beside the metric, never as a dimension: a ticket id would make a metric per ticket).
 * Built by the named factories, so a metric cannot get a dimension it does not declare.
 */
public record Measurement(MetricName name, double value, Map<Dimension, String> dimensions, TicketId ticket) {
    public Measurement {
        Objects.requireNonNull(name, "name");
        dimensions = Map.copyOf(dimensions);
        if (!dimensions.keySet().equals(java.util.Set.copyOf(name.dimensions()))) {
            throw new IllegalArgumentException(name + " is split by " + name.dimensions() + ", not "
                    + dimensions.keySet());
        }
    }

    public static Measurement ticketCreated(TicketId ticket, Channel channel) {
        return count(MetricName.TICKETS_CREATED, ticket, Dimension.CHANNEL, code(channel == null ? null
                : channel.code()));
    }

    public static Measurement triageDecision(TicketId ticket, Priority priority, Tier tier) {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        dimensions.put(Dimension.PRIORITY, code(priority == null ? null : priority.code()));
        dimensions.put(Dimension.TIER, tier == null ? "none" : Integer.toString(tier.number()));
        return new Measurement(MetricName.TRIAGE_DECISIONS, 1, dimensions, ticket);
    }

    public static Measurement slaWarning(TicketId ticket, SlaMetric metric) {
        return count(MetricName.SLA_WARNINGS, ticket, Dimension.SLA_METRIC, metric.code());
    }

    public static Measurement slaBreach(TicketId ticket, SlaMetric metric) {
        return count(MetricName.SLA_BREACHES, ticket, Dimension.SLA_METRIC, metric.code());
    }

    /** @param late fire time minus due time; negative when a step fired early (it never should) */
    public static Measurement lateness(TicketId ticket, LateStep step, Duration late) {
        return new Measurement(MetricName.DEADLINE_LATENESS, late.toMillis(), Map.of(Dimension.STEP, step.code()),
                ticket);
    }

    public static Measurement escalation(TicketId ticket, EscalationKind kind, int level) {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        dimensions.put(Dimension.KIND, code(kind == null ? null : kind.code()));
        dimensions.put(Dimension.LEVEL, Integer.toString(level));
        return new Measurement(MetricName.ESCALATIONS, 1, dimensions, ticket);
    }

    public static Measurement notificationDelivered(TicketId ticket, DeliveryChannel channel) {
        return count(MetricName.NOTIFICATIONS_DELIVERED, ticket, Dimension.NOTIFY_CHANNEL, channel.code());
    }

    public static Measurement notificationRetried(TicketId ticket, DeliveryChannel channel) {
        return count(MetricName.NOTIFICATIONS_RETRIED, ticket, Dimension.NOTIFY_CHANNEL, channel.code());
    }

    public static Measurement notificationDeadLettered(TicketId ticket, DeliveryChannel channel) {
        return count(MetricName.NOTIFICATIONS_DEAD_LETTERED, ticket, Dimension.NOTIFY_CHANNEL, channel.code());
    }

    public static Measurement sweepRun() {
        return new Measurement(MetricName.SWEEP_RUNS, 1, Map.of(), null);
    }

    public static Measurement sweepItemsRead(int items) {
        return new Measurement(MetricName.SWEEP_ITEMS_READ, items, Map.of(), null);
    }

    public static Measurement sweepItemsDue(int items) {
        return new Measurement(MetricName.SWEEP_ITEMS_DUE, items, Map.of(), null);
    }

    public static Measurement duplicateDropped(TicketId ticket, Stage stage) {
        return count(MetricName.DUPLICATES_DROPPED, ticket, Dimension.STAGE, stage.code());
    }

    /** The timed steps whose lateness is measured. */
    public enum LateStep {
        SLA_WARNING("sla-warning"), SLA_BREACH("sla-breach"), ESCALATION("escalation"), REMINDER("reminder");

        private final String code;

        LateStep(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Where a duplicate delivery was recognised and dropped. */
    public enum Stage {
        INTAKE("intake"), TRIAGE("triage"), ESCALATE("escalate"), NOTIFY("notify");

        private final String code;

        Stage(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static Measurement count(MetricName name, TicketId ticket, Dimension dimension, String value) {
        return new Measurement(name, 1, Map.of(dimension, value), ticket);
    }

    // CloudWatch refuses an empty dimension value
    private static String code(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
