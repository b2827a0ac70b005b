package io.tierline.core.aws;

import io.tierline.core.port.DueDeadlines;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link DueDeadlines} on the table's DueIndex: one key-range query per shard ({@code dueSk <= until}), so the items
 * read are the deadlines due, whatever the number of open tickets.
 */
public class DynamoDbDueDeadlines implements DueDeadlines {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDueDeadlines(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Read dueBy(Instant until) {
        List<Due> due = new ArrayList<>();
        int items = 0;
        int requests = 0;
        // "~" sorts after every "#<ticket id>" suffix, so deadlines at exactly `until` are included
        AttributeValue upper = TicketItems.s(TicketItems.sortable(until) + "~");
        for (int shard = 0; shard < DueShards.COUNT; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("DueIndex")
                        .keyConditionExpression("duePk = :pk AND dueSk <= :until")
                        .expressionAttributeValues(Map.of(":pk", TicketItems.s(DueShards.partition(shard)),
                                ":until", upper));
                if (start != null) {
                    query.exclusiveStartKey(start);
                }
                QueryResponse page = dynamo.query(query.build());
                requests++;
                items += page.count();
                page.items().forEach(item -> due.add(new Due(new TicketId(item.get("ticketId").s()),
                        TicketItems.deadline(item), TicketItems.instant(item, "engineDueAt"),
                        TicketItems.instant(item, "triageDueAt"), TicketItems.instant(item, "followUpDueAt"))));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return new Read(due, items, requests);
    }
}
