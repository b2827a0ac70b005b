package io.tierline.core.aws;

import io.tierline.core.json.Json;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.message.Message;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.port.Outbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** {@link Outbox} on SQS: each message type goes to the queue of the function that consumes it. */
public class SqsOutbox implements Outbox {
    static final int MAX_DELAY_SECONDS = 900;
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String triageQueueUrl;
    private final String escalationQueueUrl;
    private final String notifyQueueUrl;

    public SqsOutbox(SqsClient sqs, String triageQueueUrl, String escalationQueueUrl, String notifyQueueUrl) {
        this.sqs = sqs;
        this.triageQueueUrl = triageQueueUrl;
        this.escalationQueueUrl = escalationQueueUrl;
        this.notifyQueueUrl = notifyQueueUrl;
    }

    @Override
    public void publish(Message message) {
        sqs.sendMessage(b -> b.queueUrl(queueOf(message)).messageBody(Json.write(message))
                .messageAttributes(typeAttribute(message)).messageSystemAttributes(traceAttribute()));
    }

    @Override
    public int publishDelayed(List<Delayed> messages) {
        int requests = 0;
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<Delayed> chunk = messages.subList(from, Math.min(messages.size(), from + BATCH));
            String queue = queueOf(chunk.get(0).message());
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Delayed d = chunk.get(i);
                if (!queueOf(d.message()).equals(queue)) {
                    throw new IllegalArgumentException("one batch goes to one queue");
                }
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(d.message())).delaySeconds(delaySeconds(d.delay()))
                        .messageAttributes(typeAttribute(d.message()))
                        .messageSystemAttributes(traceAttribute()).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
            requests++;
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // let SQS's at-least-once semantics cover this: the next sweep sends the same deadlines again
                throw new IllegalStateException(response.failed().size() + " of " + entries.size()
                        + " messages were not sent: " + response.failed().get(0).message());
            }
        }
        return requests;
    }

    static int delaySeconds(Duration delay) {
        long seconds = delay.isNegative() ? 0 : (delay.toMillis() + 999) / 1000; // never fire before the second
        return (int) Math.min(MAX_DELAY_SECONDS, seconds);
    }

    private String queueOf(Message message) {
        String url = message instanceof TicketCreated ? triageQueueUrl
                : message instanceof DeadlineDue || message instanceof EscalationDue
                        || message instanceof FollowUpDue ? escalationQueueUrl
                : message instanceof NotificationRequested ? notifyQueueUrl : null;
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no queue configured for " + message.getClass().getSimpleName());
        }
        return url;
    }

    /**
     * The X-Ray trace of the invocation that sends, as the {@code AWSTraceHeader} system attribute: Lambda starts
     * the receiving worker's segment in the same trace, so one ticket's path (api, triage, escalate, notify) is one
     * trace. The Java runtime sets the system property per invocation (the environment variable is its fallback);
     * locally neither is set and nothing is added.
     */
    static Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> traceAttribute() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        if (header == null || header.isBlank()) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        return Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER, MessageSystemAttributeValue.builder().dataType("String").stringValue(header)
                .build());
    }

    private static Map<String, MessageAttributeValue> typeAttribute(Message message) {
        return Map.of("type", MessageAttributeValue.builder().dataType("String")
                .stringValue(message.getClass().getSimpleName()).build());
    }
}
