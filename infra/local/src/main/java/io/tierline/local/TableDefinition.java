package io.tierline.local;

import java.util.List;

/**
 * An {@code AWS::DynamoDB::Table} of the template.
 *
 * @param tableName    the literal TableName, or null when CloudFormation would generate one
 * @param ttlAttribute the enabled TimeToLiveSpecification attribute, or null
 */
public record TableDefinition(
        String logicalId,
        String tableName,
        List<Attribute> attributes,
        List<KeyElement> keySchema,
        List<Index> globalSecondaryIndexes,
        List<Index> localSecondaryIndexes,
        String ttlAttribute) {

    public TableDefinition {
        attributes = List.copyOf(attributes);
        keySchema = List.copyOf(keySchema);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    }

    /** The name the table gets locally: the literal TableName if given, else the logical id. */
    public String physicalName() {
        return tableName != null ? tableName : logicalId;
    }

    public record Attribute(String name, String type) {
    }

    public record KeyElement(String attributeName, String keyType) {
    }

    /** @param nonKeyAttributes only for projection type INCLUDE */
    public record Index(String indexName, List<KeyElement> keySchema, String projectionType, List<String> nonKeyAttributes) {
        public Index {
            keySchema = List.copyOf(keySchema);
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    static TableDefinition parse(String logicalId, YamlObject properties) {
        YamlObject ttl = properties.object("TimeToLiveSpecification");
        return new TableDefinition(
                logicalId,
                properties.literal("TableName"),
                properties.objects("AttributeDefinitions").stream()
                        .map(a -> new Attribute(a.literal("AttributeName"), a.literal("AttributeType")))
                        .toList(),
                keySchema(properties),
                indexes(properties, "GlobalSecondaryIndexes"),
                indexes(properties, "LocalSecondaryIndexes"),
                ttl.bool("Enabled", false) ? ttl.literal("AttributeName") : null);
    }

    private static List<Index> indexes(YamlObject properties, String key) {
        return properties.objects(key).stream()
                .map(index -> {
                    YamlObject projection = index.object("Projection");
                    return new Index(
                            index.literal("IndexName"),
                            keySchema(index),
                            projection.string("ProjectionType", "ALL"),
                            projection.strings("NonKeyAttributes"));
                })
                .toList();
    }

    private static List<KeyElement> keySchema(YamlObject owner) {
        return owner.objects("KeySchema").stream()
                .map(k -> new KeyElement(k.literal("AttributeName"), k.literal("KeyType")))
                .toList();
    }
}
