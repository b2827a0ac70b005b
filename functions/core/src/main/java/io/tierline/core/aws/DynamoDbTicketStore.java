package io.tierline.core.aws;

import io.tierline.core.idempotency.IdempotencyClaim;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.port.TicketStore;
import io.tierline.core.report.DailyCounters;
import io.tierline.core.routing.LoadChange;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link TicketStore} on one DynamoDB table; every write is one transaction with conditions, and adds to the day
 * counters the reports read (docs/dashboard.md).
 */
public class DynamoDbTicketStore implements TicketStore {
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(TicketChange created, Optional<IdempotencyClaim> claim) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(TicketItems.ticketItem(created.after()), "attribute_not_exists(pk)", Map.of()));
        created.events().forEach(e -> writes.add(put(TicketItems.eventItem(e), "attribute_not_exists(pk)", Map.of())));
        writes.addAll(counters(List.of(created), DailyCounters.of(List.of(created), id -> false)));
        claim.ifPresent(c -> writes.add(claimPut(c)));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && failedCondition(e, writes.size() - 1)) {
                throw new IdempotencyKeyTakenException(claim.get().key());
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyClaim> findClaim(IdempotencyKey key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(TicketItems.claimKey(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TicketItems.claim(item));
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(TicketItems.ticketKey(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TicketItems.ticket(item));
    }

    @Override
    public Optional<TicketHistory> history(TicketId id) {
        Ticket ticket = null;
        List<TicketEvent> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", TicketItems.s(TicketItems.ticketPk(id))));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (TicketItems.TICKET_SK.equals(item.get(TicketItems.SK).s())) {
                    ticket = TicketItems.ticket(item);
                } else {
                    events.add(TicketItems.event(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ticket == null ? Optional.empty() : Optional.of(new TicketHistory(ticket, events));
    }

    @Override
    public void apply(List<TicketChange> changes, Optional<IdempotencyClaim> claim) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<Integer, TicketChange> ticketWrites = new HashMap<>();
        for (TicketChange change : changes) {
            ticketWrites.put(writes.size(), change);
            writes.add(put(TicketItems.ticketItem(change.after()), "version = :expected",
                    Map.of(":expected", TicketItems.n(change.before().version()))));
            change.events().forEach(e -> writes.add(put(TicketItems.eventItem(e), "attribute_not_exists(pk)",
                    Map.of())));
        }
        writes.addAll(counters(changes, DailyCounters.of(changes, this::hadBreach)));
        List<LoadChange> loads = LoadChange.of(changes);
        int firstLoad = writes.size();
        writes.addAll(DynamoDbRoster.loadWrites(table, loads, changes.get(0).after().updatedAt()));
        claim.ifPresent(c -> writes.add(claimPut(c)));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (claim.isPresent() && failedCondition(e, writes.size() - 1)) {
                throw new IdempotencyKeyTakenException(claim.get().key());
            }
            for (int i = 0; i < loads.size(); i++) {
                if (failedCondition(e, firstLoad + i)) {
                    throw new PersonAtCapacityException(loads.get(i).person().value());
                }
            }
            for (Map.Entry<Integer, TicketChange> write : ticketWrites.entrySet()) {
                if (failedCondition(e, write.getKey())) {
                    TicketChange change = write.getValue();
                    throw new ConcurrentChangeException(change.after().id(), change.before().version());
                }
            }
            throw e;
        }
    }

    /**
     * Writes the transaction, again when it was cancelled only because another transaction held one of its items
     * (the day counters are shared by many writes). Nothing of a cancelled transaction was written and its
     * conditions are checked anew, so a retry can neither double an effect nor hide a conflict.
     */
    private void transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (attempt >= MAX_ATTEMPTS || !onlyConflicts(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean onlyConflicts(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))
                && reasons.stream().noneMatch(r -> CONDITIONAL_CHECK_FAILED.equals(r.code()));
    }

    /**
     * The day counters and breach markers of a write, in its transaction: a write that fails or is refused (stale
     * version, retried request) counts nothing, so every event is counted exactly once.
     */
    private List<TransactWriteItem> counters(List<TicketChange> changes, DailyCounters counters) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (counters.isEmpty()) {
            return List.of();
        }
        int shard = TicketItems.dayShard(changes.get(0).after().id());
        counters.increments().forEach((day, counts) -> {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> adds = new ArrayList<>();
            counts.forEach((counter, increment) -> {
                String n = "#c" + names.size();
                String v = ":c" + values.size();
                names.put(n, counter);
                values.put(v, TicketItems.n(increment));
                adds.add(n + " " + v);
            });
            writes.add(update(TicketItems.dayKey(day, shard), "ADD " + String.join(", ", adds), names, values));
        });
        counters.breached().forEach(id -> writes.add(update(TicketItems.breachKey(id), "ADD #b :one",
                Map.of("#b", "breaches"), Map.of(":one", TicketItems.n(1)))));
        return writes;
    }

    /**
     * Asked only when a write solves a ticket. Consistent with the write: a breach recorded after the ticket was
     * read changed its version, so the write that asked is refused.
     */
    private boolean hadBreach(TicketId id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(TicketItems.breachKey(id)).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, Map<String, String> names,
                                     Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }

    private TransactWriteItem claimPut(IdempotencyClaim c) {
        return put(TicketItems.claimItem(c), "attribute_not_exists(pk) OR expiresAt < :now",
                Map.of(":now", TicketItems.n(c.createdAt().getEpochSecond())));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index
                && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
    }
}
