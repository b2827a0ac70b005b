package io.tierline.core.aws;

import io.tierline.core.port.Page;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link TicketQueries} on the table's TeamQueueIndex, CustomerIndex and CustomerEmailIndex (docs/data-model.md). */
public class DynamoDbTicketQueries implements TicketQueries {
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
        if (q.filter().due() == DueFilter.BREACHED) {
            names.put("#sk", "queueSk");
            values.put(":now", TicketItems.s(TicketItems.sortable(now)));
            keyCondition += " AND #sk < :now";
        } else if (q.filter().due() == DueFilter.AT_RISK) {
            names.put("#sk", "queueSk");
            values.put(":now", TicketItems.s(TicketItems.sortable(now)));
            values.put(":soon", TicketItems.s(TicketItems.sortable(now.plus(q.filter().atRiskWindow()))));
            keyCondition += " AND #sk BETWEEN :now AND :soon";
        }
        List<String> filters = new ArrayList<>();
        if (q.filter().tier() != null) {
            names.put("#tier", "tier");
            values.put(":tier", TicketItems.n(q.filter().tier().number()));
            filters.add("#tier = :tier");
        }
        if (q.filter().priority() != null) {
            names.put("#priority", "priority");
            values.put(":priority", TicketItems.s(q.filter().priority().code()));
            filters.add("#priority = :priority");
        }
        if (q.filter().assignee() != null) {
            names.put("#assignee", "assignee");
            values.put(":assignee", TicketItems.s(q.filter().assignee()));
            filters.add("#assignee = :assignee");
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("TeamQueueIndex")
                .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                .expressionAttributeValues(values).scanIndexForward(true);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        return QueryPages.page(dynamo, request, new QueryPages.Partition(List.of("pk", "sk", "queuePk", "queueSk"),
                "queuePk", partition), q.paging().cursor(), q.paging().limit(), TicketItems::ticket);
    }

    @Override
    public Page<Ticket> customerHistory(CustomerKey customer, String cursor, int limit) {
        // by id, the tickets that named it; by email, every ticket from the address (its own index: a ticket with a
        // customer id is in CustomerIndex under that id only)
        boolean byEmail = customer.kind() == CustomerKey.Kind.EMAIL;
        String index = byEmail ? "CustomerEmailIndex" : "CustomerIndex";
        String partitionName = byEmail ? "emailPk" : "customerPk";
        String partition = TicketItems.customerPartition(customer);
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", partitionName))
                .expressionAttributeValues(Map.of(":pk", TicketItems.s(partition))).scanIndexForward(false);
        return QueryPages.page(dynamo, request, new QueryPages.Partition(List.of("pk", "sk", partitionName,
                "customerSk"), partitionName, partition), cursor, limit, TicketItems::ticket);
    }
}
