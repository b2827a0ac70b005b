package io.tierline.core.aws;

import io.tierline.core.knowledge.KnowledgeCounter;
import io.tierline.core.knowledge.KnowledgeCounts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Adds to the same day items as a ticket write ({@code STATS#<day>#<shard>}), in one transaction with a marker item
 * ({@code KBONCE#<key>}, holding the counters it added) put only if absent: a repeat of the key is refused whole and
 * changes nothing, and the marker tells a repeat from a reuse for other counters. The shard comes
 * from the key, so busy forms spread over the day's shards like tickets do.
 */
public class DynamoDbKnowledgeCounts implements KnowledgeCounts {
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    /** The marker's record of the counters its key added. */
    private static final String COUNTERS = "counters";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbKnowledgeCounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Outcome add(Instant at, List<KnowledgeCounter> counters, String onceKey) {
        if (counters.isEmpty()) {
            return Outcome.REPEATED;
        }
        String fingerprint = KnowledgeCounts.fingerprint(counters);
        Map<String, AttributeValue> marker = new HashMap<>(markerKey(onceKey));
        marker.put("at", TicketItems.s(at.toString()));
        marker.put(COUNTERS, TicketItems.s(fingerprint));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (KnowledgeCounter counter : counters) {
            String n = "#c" + names.size();
            String v = ":c" + values.size();
            names.put(n, counter.name());
            values.put(v, TicketItems.n(1));
            adds.add(n + " " + v);
        }
        int shard = Math.floorMod(onceKey.hashCode(), TicketItems.DAY_SHARDS);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(TicketItems.dayKey(at.atZone(ZoneOffset.UTC).toLocalDate(), shard))
                            .updateExpression("ADD " + String.join(", ", adds))
                            .expressionAttributeNames(names).expressionAttributeValues(values).build()).build()));
            return Outcome.COUNTED;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons() != null && e.cancellationReasons().stream()
                    .anyMatch(r -> CONDITIONAL_CHECK_FAILED.equals(r.code()))) {
                return usedBefore(onceKey, fingerprint);
            }
            throw e;
        }
    }

    /** What the key added before; a marker written before markers kept their counters counts as the same. */
    private Outcome usedBefore(String onceKey, String fingerprint) {
        AttributeValue before = dynamo.getItem(b -> b.tableName(table).key(markerKey(onceKey)).consistentRead(true))
                .item().get(COUNTERS);
        return before == null || before.s().equals(fingerprint) ? Outcome.REPEATED
                : Outcome.KEY_USED_FOR_OTHER_COUNTERS;
    }

    private static Map<String, AttributeValue> markerKey(String onceKey) {
        return Map.of(TicketItems.PK, TicketItems.s("KBONCE#" + onceKey), TicketItems.SK, TicketItems.s("ONCE"));
    }
}
