package io.tierline.core.aws;

import static io.tierline.core.aws.TicketItems.n;
import static io.tierline.core.aws.TicketItems.s;

import io.tierline.core.routing.Roster;
import io.tierline.core.routing.AgentState;
import io.tierline.core.routing.Availability;
import io.tierline.core.routing.LoadChange;
import io.tierline.core.ticket.PersonId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link Roster} on the tickets' table: one item per person ({@code PERSON#<id>} / {@code ROUTING}) with their
 * {@code availability}, their {@code load} counter and {@code lastAssignedAt}. The counter is moved only by
 * {@link #loadWrites} inside the ticket store's transactions.
 */
public class DynamoDbRoster implements Roster {
    static final String LOAD = "load";
    static final String AVAILABILITY = "availability";
    static final String LAST_ASSIGNED = "lastAssignedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRoster(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> personKey(PersonId person) {
        return Map.of(TicketItems.PK, s("PERSON#" + person.value()), TicketItems.SK, s("ROUTING"));
    }

    @Override
    public Map<PersonId, AgentState> states(Collection<PersonId> people) {
        Map<PersonId, AgentState> states = new HashMap<>();
        List<PersonId> wanted = new ArrayList<>(new LinkedHashSet<>(people));
        for (int from = 0; from < wanted.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = wanted.subList(from, Math.min(wanted.size(), from + 100))
                    .stream().map(DynamoDbRoster::personKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> states.put(
                        new PersonId(item.get(TicketItems.PK).s().substring("PERSON#".length())), state(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return states;
    }

    private static AgentState state(Map<String, AttributeValue> item) {
        String availability = TicketItems.str(item, AVAILABILITY);
        return new AgentState(availability == null ? Availability.AVAILABLE : Availability.fromCode(availability),
                item.containsKey(LOAD) ? Integer.parseInt(item.get(LOAD).n()) : 0,
                TicketItems.instant(item, LAST_ASSIGNED));
    }

    @Override
    public void setAvailability(PersonId person, Availability availability, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(personKey(person))
                .updateExpression("SET #a = :a, #at = :at")
                .expressionAttributeNames(Map.of("#a", AVAILABILITY, "#at", "availabilitySince"))
                .expressionAttributeValues(Map.of(":a", s(availability.code()), ":at", s(at.toString()))));
    }

    /**
     * The counter moves of one write, for its transaction. An increase within capacity is conditional on the
     * counter being below the limit, so two assignments racing for a person's last slot cannot both be written.
     */
    static List<TransactWriteItem> loadWrites(String table, List<LoadChange> changes, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (LoadChange change : changes) {
            Map<String, String> names = new HashMap<>(Map.of("#l", LOAD));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":d", n(change.delta())));
            String expression = "ADD #l :d";
            if (change.delta() > 0) {
                names.put("#t", LAST_ASSIGNED);
                values.put(":t", s(at.toString()));
                expression += " SET #t = :t";
            }
            Update.Builder update = Update.builder().tableName(table).key(personKey(change.person()))
                    .updateExpression(expression);
            if (change.limit() != null) {
                update.conditionExpression("attribute_not_exists(#l) OR #l < :limit");
                values.put(":limit", n(change.limit()));
            }
            writes.add(TransactWriteItem.builder().update(update.expressionAttributeNames(names)
                    .expressionAttributeValues(values).build()).build());
        }
        return writes;
    }
}
