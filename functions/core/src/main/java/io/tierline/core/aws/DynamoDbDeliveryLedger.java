package io.tierline.core.aws;

import static io.tierline.core.aws.TicketItems.n;
import static io.tierline.core.aws.TicketItems.s;

import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.notify.DeliveryLedger;
import io.tierline.core.ticket.Codes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DeliveryLedger} as one item per notification key in the single table ({@code DELIVERY#<key>} /
 * {@code DELIVERY}), changed only by conditional updates. It expires ({@code expiresAt}) after the retention, long
 * after SQS (14 days) could deliver the key again.
 */
public class DynamoDbDeliveryLedger implements DeliveryLedger {
    static final String SK = "DELIVERY";
    // a claim is granted to the next attempt only (see DeliveryLedger.claim)
    private static final String CLAIMABLE = "attribute_not_exists(pk) OR #state = :failed"
            + " OR (#state = :pending AND attempts = :attempt)"
            + " OR (#state = :sending AND leaseUntil < :nowMillis AND (attempts = :attempt OR attempts = :next))";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    static String pk(String key) {
        return "DELIVERY#" + key;
    }

    private Map<String, AttributeValue> key(String key) {
        return Map.of("pk", s(pk(key)), "sk", s(SK));
    }

    @Override
    public Claim claim(NotificationRequested n, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":failed", s(State.FAILED.name()));
        values.put(":pending", s(State.PENDING.name()));
        values.put(":sending", s(State.SENDING.name()));
        values.put(":attempt", n(n.schedule().attempt()));
        values.put(":next", n(n.schedule().attempt() + 1L));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":lease", n(leaseUntil.toEpochMilli()));
        values.put(":channel", s(n.target().channel().code()));
        values.put(":recipient", s(String.valueOf(n.target().recipient())));
        values.put(":ticket", s(n.occasion().ticketId().value()));
        values.put(":at", s(now.toString()));
        values.put(":expires", n(now.plus(retention).getEpochSecond()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(n.key()))
                    .updateExpression("SET #state = :sending, attempts = :next, leaseUntil = :lease,"
                            + " channel = :channel, recipient = :recipient, ticketId = :ticket,"
                            + " lastAttemptAt = :at, expiresAt = :expires")
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return new Claim(true, null);
        } catch (ConditionalCheckFailedException e) {
            return new Claim(false, find(n.key()).orElse(null));
        }
    }

    @Override
    public void delivered(String key, Instant at) {
        update(key, "SET #state = :state, deliveredAt = :at REMOVE leaseUntil",
                Map.of(":state", s(State.DELIVERED.name()), ":at", s(at.toString())));
    }

    @Override
    public void released(String key, String error, Instant at) {
        update(key, "SET #state = :state, lastError = :error, lastErrorAt = :at REMOVE leaseUntil",
                Map.of(":state", s(State.PENDING.name()), ":error", s(error), ":at", s(at.toString())));
    }

    @Override
    public void failed(String key, String reason, Instant at) {
        update(key, "SET #state = :state, lastError = :error, lastErrorAt = :at, failedAt = :at REMOVE leaseUntil",
                Map.of(":state", s(State.FAILED.name()), ":error", s(reason), ":at", s(at.toString())));
    }

    private void update(String key, String expression, Map<String, AttributeValue> values) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key)).updateExpression(expression)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values));
    }

    @Override
    public Optional<Delivery> find(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(key, State.valueOf(item.get("state").s()),
                Integer.parseInt(item.get("attempts").n()),
                Codes.parse(DeliveryChannel.class, text(item, "channel")), text(item, "recipient"),
                item.containsKey("leaseUntil") ? Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n()))
                        : null,
                item.containsKey("deliveredAt") ? Instant.parse(item.get("deliveredAt").s()) : null,
                text(item, "lastError")));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
