package io.tierline.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * What a sweep without the DueIndex would do: scan the whole table page by page and keep the tickets whose next
 * deadline is due by {@code until}. The filter is the sweep's own condition on {@code dueSk}: {@code dueAt} holds
 * {@code Instant.toString()}, whose width varies ("…:00Z" sorts after "…:00.5Z"), so comparing it as text would be
 * wrong. The projection is the DueIndex's, so both ways return the same data and differ only in what they read.
 */
final class NaiveDueScan {
    /** The DueIndex sort key's instant format (docs/data-model.md: fixed width, so text order is time order). */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * @param itemsRead the items DynamoDB read (ScannedCount), before the filter
     */
    record Read(Set<String> ticketIds, long itemsRead, int requests) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    NaiveDueScan(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Read dueBy(Instant until) {
        Set<String> ids = new HashSet<>();
        long scanned = 0;
        int requests = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    // "~" sorts after every "#<ticket id>" suffix, as in the sweep's key condition
                    .filterExpression("dueSk <= :until")
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromS(SORTABLE.format(until) + "~")))
                    .projectionExpression("ticketId, dueAt, dueMetric, dueCycle, duePercent");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = dynamo.scan(scan.build());
            requests++;
            scanned += page.scannedCount();
            page.items().forEach(item -> ids.add(item.get("ticketId").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new Read(ids, scanned, requests);
    }
}
