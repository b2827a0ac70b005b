package io.tierline.core.aws;

import io.tierline.core.port.TicketReports;
import io.tierline.core.port.DayCounts;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TicketId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link TicketReports}: day counters by key (BatchGetItem), team queues from TeamQueueIndex and the tickets behind a
 * root cause from RootCauseIndex.
 */
public class DynamoDbTicketReports implements TicketReports {
    /** BatchGetItem takes at most 100 keys. */
    private static final int BATCH = 100;
    private static final List<String> QUEUE_ATTRIBUTES = List.of("ticketId", "team", "status", "tier", "priority",
            "assignee", "escalation", "queueSk");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketReports(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<DayCounts> days(LocalDate first, LocalDate last) {
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        days.forEach(d -> IntStream.range(0, TicketItems.DAY_SHARDS).forEach(s -> keys.add(TicketItems.dayKey(d, s))));
        Map<String, Map<String, Long>> byDay = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH))).consistentRead(true).build());
            while (!request.isEmpty()) {
                var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String pk = item.get(TicketItems.PK).s(); // STATS#<day>#<shard>
                    Map<String, Long> counts = byDay.computeIfAbsent(pk.substring(0, pk.lastIndexOf('#')),
                            k -> new HashMap<>());
                    item.forEach((name, value) -> {
                        if (value.n() != null) {
                            counts.merge(name, Long.parseLong(value.n()), Long::sum);
                        }
                    });
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return days.stream().map(d -> new DayCounts(d, byDay.getOrDefault("STATS#" + d, Map.of()))).toList();
    }

    @Override
    public List<QueuedTicket> queue(String team, Status status, int max) {
        List<QueuedTicket> tickets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        QUEUE_ATTRIBUTES.forEach(a -> names.put("#" + a, a));
        names.put("#pk", "queuePk");
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("TeamQueueIndex")
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", TicketItems.s("TEAM#" + team + "#" + status.code())))
                    .expressionAttributeNames(names)
                    .projectionExpression(String.join(", ", QUEUE_ATTRIBUTES.stream().map(a -> "#" + a).toList()))
                    .limit(max - tickets.size());
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> tickets.add(queued(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && tickets.size() < max);
        return tickets;
    }

    @Override
    public List<SolvedTicket> solvedWithCause(CauseQuery query) {
        List<SolvedTicket> tickets = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#pk", "causePk", "#sk", "causeSk"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", TicketItems.s(TicketItems.causePartition(query.cause())),
                // sort keys are <solved at>#<ticket id>: one solved at `until` sorts after "<until>#", so [from, until)
                ":from", TicketItems.s(TicketItems.sortable(query.from()) + "#"),
                ":until", TicketItems.s(TicketItems.sortable(query.until()) + "#")));
        List<String> filters = new ArrayList<>();
        query.team().ifPresent(team -> {
            names.put("#team", "team");
            values.put(":team", TicketItems.s(team));
            filters.add("#team = :team");
        });
        if (query.escalatedOnly()) {
            names.put("#escalated", "escalated");
            values.put(":yes", AttributeValue.fromBool(true));
            filters.add("#escalated = :yes");
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("RootCauseIndex")
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :until")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Math.max(query.max(), 25));
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (tickets.size() < query.max()) {
                    tickets.add(solved(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && tickets.size() < query.max());
        return tickets;
    }

    private static SolvedTicket solved(Map<String, AttributeValue> item) {
        return new SolvedTicket(item.get("ticketId").s(), TicketItems.str(item, "subject"), TicketItems.str(item, "team"),
                item.containsKey("tier") ? Integer.valueOf(item.get("tier").n()) : null, TicketItems.str(item, "category"),
                TicketItems.str(item, "rootCause"), TicketItems.instant(item, "resolvedAt"),
                item.containsKey("escalated") && Boolean.TRUE.equals(item.get("escalated").bool()));
    }

    private static QueuedTicket queued(Map<String, AttributeValue> item) {
        var escalation = item.containsKey("escalation") ? TicketItems.escalation(item.get("escalation").m()) : null;
        return new QueuedTicket(new TicketId(item.get("ticketId").s()),
                new TicketReports.Place(item.get("team").s(), Status.fromCode(item.get("status").s()),
                        TicketItems.tier(item), TicketItems.str(item, "assignee")),
                new TicketReports.Urgency(TicketItems.priority(item),
                        escalation == null ? 0 : escalation.level(), escalation != null && escalation.isAcknowledged(),
                        TicketItems.queueDue(item.get("queueSk").s())));
    }
}
