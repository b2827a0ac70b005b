package io.tierline.core.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tierline.core.json.Json;
import io.tierline.core.port.Page;
import io.tierline.core.validation.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of one partition of the table or of an index, with opaque cursors: every list of the API pages through
 * here, so a cursor means the same everywhere and one of another list is refused.
 */
final class QueryPages {
    /** Filters may thin out pages; give up after this many reads rather than walk a huge queue in one request. */
    private static final int MAX_READS_PER_PAGE = 10;

    /**
     * @param keyNames      the item's key attributes in this list (table key plus index key); the cursor holds them
     * @param partitionName the attribute the list's partition is in, so a cursor of another partition is refused
     */
    record Partition(List<String> keyNames, String partitionName, String partition) {
    }

    private QueryPages() {
    }

    static <T> Page<T> page(DynamoDbClient dynamo, QueryRequest.Builder request, Partition partition, String cursor,
                            int limit, Function<Map<String, AttributeValue>, T> read) {
        Map<String, AttributeValue> start = cursor == null ? null : decode(cursor, partition);
        List<T> items = new ArrayList<>();
        Map<String, AttributeValue> lastReturned = null;
        boolean more = true;
        for (int reads = 0; reads < MAX_READS_PER_PAGE && items.size() < limit && more; reads++) {
            request.limit(limit - items.size());
            request.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(read.apply(item));
                lastReturned = item;
            }
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        }
        // resume after the last item returned, or where the reads stopped when filters kept nothing
        Map<String, AttributeValue> resume = !more ? null : items.size() == limit && lastReturned != null
                ? lastReturned : start;
        return new Page<>(items, resume == null ? null : encode(resume, partition.keyNames()));
    }

    private static String encode(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, String> key = new LinkedHashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name).s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, Partition partition) {
        try {
            Map<String, String> key = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!key.keySet().equals(new HashSet<>(partition.keyNames())) || key.containsValue(null)
                    || !partition.partition().equals(key.get(partition.partitionName()))) {
                throw new IllegalArgumentException("cursor of another list");
            }
            Map<String, AttributeValue> start = new HashMap<>();
            key.forEach((name, value) -> start.put(name, TicketItems.s(value)));
            return start;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidInputException("cursor", "is not a cursor of this list; start again without it");
        }
    }
}
