package io.tierline.local;

/**
 * An {@code AWS::SQS::Queue} of the template.
 *
 * @param queueName              the literal QueueName, or null when CloudFormation would generate one
 * @param visibilityTimeout      seconds, or null for the SQS default (30)
 * @param messageRetentionPeriod seconds, or null for the SQS default (4 days)
 * @param redrivePolicy          where failed messages go, or null
 */
public record QueueDefinition(
        String logicalId,
        String queueName,
        boolean fifo,
        boolean contentBasedDeduplication,
        Integer visibilityTimeout,
        Integer messageRetentionPeriod,
        Integer delaySeconds,
        RedrivePolicy redrivePolicy) {

    /** The name the queue gets locally: the literal QueueName if given, else the logical id (+ ".fifo" for FIFO queues). */
    public String physicalName() {
        if (queueName != null) {
            return queueName;
        }
        return fifo ? logicalId + ".fifo" : logicalId;
    }

    /** @param deadLetterQueueLogicalId the logical id of the dead-letter queue of this template */
    public record RedrivePolicy(String deadLetterQueueLogicalId, int maxReceiveCount) {
    }

    static QueueDefinition parse(String logicalId, YamlObject properties, TemplateReferences references) {
        return new QueueDefinition(
                logicalId,
                properties.literal("QueueName"),
                properties.bool("FifoQueue", false),
                properties.bool("ContentBasedDeduplication", false),
                properties.integer("VisibilityTimeout"),
                properties.integer("MessageRetentionPeriod"),
                properties.integer("DelaySeconds"),
                properties.has("RedrivePolicy")
                        ? redrivePolicy(logicalId, properties.object("RedrivePolicy"), references) : null);
    }

    private static RedrivePolicy redrivePolicy(String logicalId, YamlObject policy, TemplateReferences references) {
        String target = references.queueLogicalId(policy.raw("deadLetterTargetArn"));
        if (target == null) {
            throw new IllegalArgumentException(logicalId + ".RedrivePolicy.deadLetterTargetArn must be !GetAtt <Queue>.Arn"
                    + " or the ARN of a queue of this template, found: " + policy.raw("deadLetterTargetArn"));
        }
        return new RedrivePolicy(target, policy.integer("maxReceiveCount", 10));
    }
}
