package io.tierline.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which messages of a batch stay on the queue after an invocation, by Lambda's rules for SQS event sources:
 * a function error keeps them all; without ReportBatchItemFailures a success deletes them all; with it, the
 * listed itemIdentifiers stay, and an invalid response (bad JSON, empty or unknown identifier) keeps them all.
 */
final class BatchItemFailures {

    private BatchItemFailures() {
    }

    /** @return the message ids that must not be deleted */
    static Set<String> messagesToKeep(InvocationResult result, List<String> batchMessageIds, boolean reportBatchItemFailures) {
        Set<String> all = new LinkedHashSet<>(batchMessageIds);
        if (result.isError()) {
            return all;
        }
        if (!reportBatchItemFailures) {
            return Set.of();
        }
        if (result.payload() == null || result.payloadText().isBlank()) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = Json.read(result.payload());
        } catch (IllegalArgumentException e) {
            return all;
        }
        if (response.isNull() || response.isMissingNode()) {
            return Set.of();
        }
        if (!response.isObject()) {
            return all;
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return all;
        }
        Set<String> keep = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || identifier.asText().isEmpty()
                    || !all.contains(identifier.asText())) {
                return all;
            }
            keep.add(identifier.asText());
        }
        return keep;
    }
}
