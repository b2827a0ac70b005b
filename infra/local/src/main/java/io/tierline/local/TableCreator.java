package io.tierline.local;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creates the template's tables in DynamoDB Local; tables kept in a data folder from an earlier run are reused. */
final class TableCreator {

    private final DynamoDbClient dynamoDb;

    TableCreator(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    void create(TableDefinition table) {
        TableDescription existing = describe(table.physicalName());
        if (existing != null) {
            warnAboutMissingIndexes(table, existing);
            return;
        }
        dynamoDb.createTable(createRequest(table));
        if (table.ttlAttribute() != null) {
            dynamoDb.updateTimeToLive(r -> r.tableName(table.physicalName())
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    private TableDescription describe(String tableName) {
        try {
            return dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** A kept table is not migrated: say so instead of failing later on a missing index. */
    private static void warnAboutMissingIndexes(TableDefinition table, TableDescription existing) {
        Set<String> present = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        List<String> missing = table.globalSecondaryIndexes().stream()
                .map(TableDefinition.Index::indexName).filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            System.err.println("WARNING: table " + table.physicalName() + " in the data folder lacks the indexes "
                    + missing + " of the template; delete the data folder to recreate it.");
        }
    }

    private static CreateTableRequest createRequest(TableDefinition table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.physicalName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                        .toList())
                .keySchema(keySchema(table.keySchema()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(index -> GlobalSecondaryIndex.builder().indexName(index.indexName())
                            .keySchema(keySchema(index.keySchema())).projection(projection(index)).build())
                    .toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder().indexName(index.indexName())
                            .keySchema(keySchema(index.keySchema())).projection(projection(index)).build())
                    .toList());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(List<TableDefinition.KeyElement> keys) {
        return keys.stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static Projection projection(TableDefinition.Index index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }
}
