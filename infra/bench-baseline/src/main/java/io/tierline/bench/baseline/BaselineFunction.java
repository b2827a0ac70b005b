package io.tierline.bench.baseline;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start benchmark's yardstick: the smallest useful Quarkus Lambda, one DynamoDB write per event, in the
 * table the template names (TIERLINE_TABLE). Tierline's functions are measured as multiples of its start.
 */
public class BaselineFunction {

    @Inject
    DynamoDbClient dynamo;

    @ConfigProperty(name = "tierline.table")
    String table;

    /** Writes one item whatever the event says; returns its key. */
    @Funq
    public String write(Map<String, Object> event) {
        String key = "BASELINE#" + UUID.randomUUID();
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(key),
                "sk", AttributeValue.fromS("BASELINE"),
                "fields", AttributeValue.fromN(String.valueOf(event == null ? 0 : event.size())))));
        return key;
    }
}
