package io.tierline.workers;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.tierline.core.message.Message;
import io.tierline.core.message.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Moves a message that can never succeed (invalid input, a reused key) straight to its dead-letter queue with the
 * reason, instead of letting it fail maxReceiveCount times first. Transient failures are thrown instead, so SQS
 * retries them and redrives them only when retries run out.
 */
@ApplicationScoped
public class DeadLetters {
    static final String REASON = "tierline-failure-reason";
    static final String ORIGINAL_ID = "tierline-original-message-id";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    SqsClient sqs;

    static String required(Optional<String> queueUrl, String environmentVariable) {
        return queueUrl.filter(url -> !url.isBlank()).orElseThrow(() -> new IllegalStateException(
                environmentVariable + " is not set: template.yaml must give this function its dead-letter queue"));
    }

    /**
     * The message's body as the message type the function expects, or empty once an unreadable message has been
     * moved to the function's dead-letter queue (named by {@code queueVariable} when it is not configured).
     */
    public <T extends Message> Optional<T> readOrRefuse(SQSMessage message, Class<T> type,
                                                       Optional<String> deadLetterQueue, String queueVariable,
                                                       String function) {
        String reason;
        try {
            Message parsed = Message.read(message.getBody());
            if (type.isInstance(parsed)) {
                return Optional.of(type.cast(parsed));
            }
            reason = "unreadable message: not a " + type.getSimpleName() + " message";
        } catch (PoisonMessageException e) {
            reason = "unreadable message: " + e.getMessage();
        }
        refuse(message, required(deadLetterQueue, queueVariable), function, reason);
        return Optional.empty();
    }

    public void refuse(SQSMessage message, String deadLetterQueueUrl, String function, String reason) {
        LOG.warnf("%s refused message %s and moved it to the dead-letter queue: %s", function,
                message.getMessageId(), reason);
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value.getStringValue() != null) {
                    attributes.put(name, text(value.getStringValue()));
                }
            });
        }
        attributes.put(REASON, text(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        attributes.put(ORIGINAL_ID, text(message.getMessageId()));
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(message.getBody())
                .messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        // Plain "String": custom data types break ElasticMQ's attribute checksums.
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
