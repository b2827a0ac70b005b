package io.tierline.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** Creates the template's queues in ElasticMQ, dead-letter queues before the queues that redrive to them. */
final class QueueCreator {

    private final SqsClient sqs;

    QueueCreator(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @return queue URL by logical id */
    Map<String, String> createAll(Collection<QueueDefinition> queues) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (QueueDefinition queue : deadLetterQueuesFirst(queues)) {
            urls.put(queue.logicalId(), create(queue, attributes(queue, queues)));
        }
        return urls;
    }

    /** A queue kept in a data folder from an earlier run takes the template's attributes as they are now. */
    private String create(QueueDefinition queue, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.createQueue(r -> r.queueName(queue.physicalName()).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException keptWithOtherAttributes) {
            String url = sqs.getQueueUrl(r -> r.queueName(queue.physicalName())).queueUrl();
            Map<QueueAttributeName, String> changeable = new LinkedHashMap<>(attributes);
            changeable.remove(QueueAttributeName.FIFO_QUEUE); // fixed at creation, and part of the name anyway
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(changeable));
            return url;
        }
    }

    static String arn(QueueDefinition queue) {
        return LocalAccount.arn("sqs", queue.physicalName());
    }

    static List<QueueDefinition> deadLetterQueuesFirst(Collection<QueueDefinition> queues) {
        Map<String, QueueDefinition> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        List<QueueDefinition> ordered = new ArrayList<>();
        queues.forEach(q -> addAfterItsDeadLetterQueue(q, byId, ordered, new ArrayList<>()));
        return ordered;
    }

    private static void addAfterItsDeadLetterQueue(QueueDefinition queue, Map<String, QueueDefinition> byId,
                                                   List<QueueDefinition> ordered, List<String> path) {
        if (ordered.contains(queue)) {
            return;
        }
        if (path.contains(queue.logicalId())) {
            throw new IllegalArgumentException("Queues redrive in a cycle: " + path);
        }
        path.add(queue.logicalId());
        if (queue.redrivePolicy() != null) {
            QueueDefinition deadLetterQueue = byId.get(queue.redrivePolicy().deadLetterQueueLogicalId());
            if (deadLetterQueue == null) {
                throw new IllegalArgumentException(queue.logicalId() + " redrives to "
                        + queue.redrivePolicy().deadLetterQueueLogicalId() + ", which is not a queue of the template");
            }
            addAfterItsDeadLetterQueue(deadLetterQueue, byId, ordered, path);
        }
        ordered.add(queue);
    }

    private static Map<QueueAttributeName, String> attributes(QueueDefinition queue, Collection<QueueDefinition> all) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (queue.visibilityTimeout() != null) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, queue.visibilityTimeout().toString());
        }
        if (queue.messageRetentionPeriod() != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, queue.messageRetentionPeriod().toString());
        }
        if (queue.delaySeconds() != null) {
            attributes.put(QueueAttributeName.DELAY_SECONDS, queue.delaySeconds().toString());
        }
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(queue.contentBasedDeduplication()));
        }
        if (queue.redrivePolicy() != null) {
            QueueDefinition deadLetterQueue = all.stream()
                    .filter(q -> q.logicalId().equals(queue.redrivePolicy().deadLetterQueueLogicalId()))
                    .findFirst().orElseThrow();
            attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(Map.of(
                    "deadLetterTargetArn", arn(deadLetterQueue),
                    "maxReceiveCount", String.valueOf(queue.redrivePolicy().maxReceiveCount()))));
        }
        return attributes;
    }
}
