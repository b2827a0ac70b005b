package io.tierline.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Builds the SQS event that Lambda's event source mapping sends for a batch of received messages. */
final class SqsEventPayload {

    /** Lambda lists these first, in this order; other system attributes (FIFO ones, AWSTraceHeader) follow. */
    private static final List<MessageSystemAttributeName> LEADING_ATTRIBUTES = List.of(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.SENDER_ID,
            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);

    private SqsEventPayload() {
    }

    static ObjectNode build(List<Message> messages, String queueArn) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        messages.forEach(message -> record(records.addObject(), message, queueArn));
        return event;
    }

    private static void record(ObjectNode record, Message message, String queueArn) {
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        Map<MessageSystemAttributeName, String> system = message.attributes();
        LEADING_ATTRIBUTES.stream().filter(system::containsKey).forEach(name -> attributes.put(name.toString(), system.get(name)));
        system.forEach((name, value) -> {
            if (!LEADING_ATTRIBUTES.contains(name)) {
                attributes.put(name.toString(), value);
            }
        });
        ObjectNode messageAttributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) -> messageAttribute(messageAttributes.putObject(name), value));
        record.put("md5OfBody", message.md5OfBody());
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", LocalAccount.REGION);
    }

    private static void messageAttribute(ObjectNode node, MessageAttributeValue value) {
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", base64(value.binaryValue()));
        }
        ArrayNode strings = node.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = node.putArray("binaryListValues");
        value.binaryListValues().forEach(binary -> binaries.add(base64(binary)));
        node.put("dataType", value.dataType());
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
