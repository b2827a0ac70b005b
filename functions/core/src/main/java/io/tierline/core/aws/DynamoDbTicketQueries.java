package io.tierline.core.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tierline.core.json.Json;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link TicketQueries} on the table's TeamQueueIndex and CustomerIndex (docs/data-model.md). */
public class DynamoDbTicketQueries implements TicketQueries {
    /** Filters may thin out pages; give up after this many reads rather than walk a huge queue in one request. */
    private static final int MAX_READS_PER_PAGE = 10;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketQueries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page<Ticket> teamQueue(QueueQuery q, Instant now) {
        String partition = "TEAM#" + q.team() + "#" + q.status().code();
        Map<String, String> names = new HashMap<>(Map.of("#pk", "queuePk"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", TicketItems.s(partition)));
        String keyCondition = "#pk = :pk";
        if (q.due() == DueFilter.BREACHED) {
            names.put("#sk", "queueSk");
            values.put(":now", TicketItems.s(TicketItems.sortable(now)));
            keyCondition += " AND #sk < :now";
        } else if (q.due() == DueFilter.AT_RISK) {
            names.put("#sk", "queueSk");
            values.put(":now", TicketItems.s(TicketItems.sortable(now)));
            values.put(":soon", TicketItems.s(TicketItems.sortable(now.plus(q.atRiskWindow()))));
            keyCondition += " AND #sk BETWEEN :now AND :soon";
        }
        List<String> filters = new ArrayList<>();
        if (q.tier() != null) {
            names.put("#tier", "tier");
            values.put(":tier", TicketItems.n(q.tier().number()));
            filters.add("#tier = :tier");
        }
        if (q.priority() != null) {
            names.put("#priority", "priority");
            values.put(":priority", TicketItems.s(q.priority().code()));
            filters.add("#priority = :priority");
        }
        if (q.assignee() != null) {
            names.put("#assignee", "assignee");
            values.put(":assignee", TicketItems.s(q.assignee()));
            filters.add("#assignee = :assignee");
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("TeamQueueIndex")
                .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                .expressionAttributeValues(values).scanIndexForward(true);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        return page(request, q.cursor(), q.limit(), List.of("pk", "sk", "queuePk", "queueSk"), "queuePk", partition);
    }

    @Override
    public Page<Ticket> customerHistory(String historyKey, String cursor, int limit) {
        String partition = "CUSTOMER#" + historyKey;
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("CustomerIndex")
                .keyConditionExpression("customerPk = :pk")
                .expressionAttributeValues(Map.of(":pk", TicketItems.s(partition))).scanIndexForward(false);
        return page(request, cursor, limit, List.of("pk", "sk", "customerPk", "customerSk"), "customerPk", partition);
    }

    private Page<Ticket> page(QueryRequest.Builder request, String cursor, int limit, List<String> keyNames,
                              String partitionName, String partition) {
        Map<String, AttributeValue> start = cursor == null ? null : decode(cursor, keyNames, partitionName, partition);
        List<Ticket> tickets = new ArrayList<>();
        Map<String, AttributeValue> lastReturned = null;
        boolean more = true;
        for (int reads = 0; reads < MAX_READS_PER_PAGE && tickets.size() < limit && more; reads++) {
            request.limit(limit - tickets.size());
            request.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                tickets.add(TicketItems.ticket(item));
                lastReturned = item;
            }
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        }
        // resume after the last ticket returned, or where the reads stopped when filters kept nothing
        Map<String, AttributeValue> resume = !more ? null : tickets.size() == limit && lastReturned != null
                ? lastReturned : start;
        return new Page<>(tickets, resume == null ? null : encode(resume, keyNames));
    }

    private static String encode(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, String> key = new LinkedHashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name).s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, List<String> keyNames, String partitionName,
                                                      String partition) {
        try {
            Map<String, String> key = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!key.keySet().equals(new java.util.HashSet<>(keyNames)) || !partition.equals(key.get(partitionName))) {
                throw new IllegalArgumentException("cursor of another list");
            }
            Map<String, AttributeValue> start = new HashMap<>();
            key.forEach((name, value) -> start.put(name, TicketItems.s(value)));
            return start;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list; start again without it");
        }
    }
}
