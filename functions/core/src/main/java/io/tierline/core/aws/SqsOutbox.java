package io.tierline.core.aws;

import io.tierline.core.json.Json;
import io.tierline.core.message.Message;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.port.Outbox;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** {@link Outbox} on SQS: each message type goes to the queue of the function that consumes it. */
public class SqsOutbox implements Outbox {
    private final SqsClient sqs;
    private final String triageQueueUrl;

    public SqsOutbox(SqsClient sqs, String triageQueueUrl) {
        this.sqs = sqs;
        this.triageQueueUrl = triageQueueUrl;
    }

    @Override
    public void publish(Message message) {
        String queueUrl = message instanceof TicketCreated ? triageQueueUrl : null;
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("no queue configured for " + message.getClass().getSimpleName());
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(message))
                .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                        .stringValue(message.getClass().getSimpleName()).build())));
    }
}
