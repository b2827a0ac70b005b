package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS event Lambda sends, and which messages it deletes afterwards. */
class SqsEventTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:TriageQueue";
    private static final List<String> BATCH = List.of("m1", "m2", "m3");

    @Test
    void buildsRecordsAsLambdaSendsThem() {
        Message message = Message.builder()
                .messageId("m1").receiptHandle("handle-1").body("{\"ticket\":1}").md5OfBody("md5")
                .attributes(Map.of(
                        MessageSystemAttributeName.SENDER_ID, "AIDA",
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "1700000000500",
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000"))
                .messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("web").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("hi")).build()))
                .build();

        JsonNode record = SqsEventPayload.build(List.of(message), QUEUE_ARN).path("Records").get(0);

        assertEquals(List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
                "eventSource", "eventSourceARN", "awsRegion"), fieldNames(record));
        assertEquals("m1", record.path("messageId").asText());
        assertEquals("handle-1", record.path("receiptHandle").asText());
        assertEquals("{\"ticket\":1}", record.path("body").asText());
        assertEquals(List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"),
                fieldNames(record.path("attributes")));
        assertEquals("{\"stringValue\":\"web\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}",
                record.path("messageAttributes").path("kind").toString());
        assertEquals("aGk=", record.path("messageAttributes").path("blob").path("binaryValue").asText());
        assertEquals("aws:sqs", record.path("eventSource").asText());
        assertEquals(QUEUE_ARN, record.path("eventSourceARN").asText());
        assertEquals("us-east-1", record.path("awsRegion").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> keep(String response, boolean reportBatchItemFailures) {
        return BatchItemFailures.messagesToKeep(InvocationResult.success(response.getBytes(StandardCharsets.UTF_8)), BATCH,
                reportBatchItemFailures);
    }

    @Test
    void keepsOnlyTheReportedFailures() {
        assertEquals(Set.of("m2"), keep("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}", true));
        assertEquals(Set.of(), keep("{\"batchItemFailures\":[]}", true));
        assertEquals(Set.of(), keep("{}", true));
        assertEquals(Set.of(), keep("", true));
        assertEquals(Set.of(), keep("null", true));
    }

    @Test
    void treatsInvalidReportsAsAFailedBatch() {
        Set<String> all = Set.copyOf(BATCH);
        assertEquals(all, keep("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", true));
        assertEquals(all, keep("{\"batchItemFailures\":[{\"itemIdentifier\":\"elsewhere\"}]}", true));
        assertEquals(all, keep("{\"batchItemFailures\":[{\"id\":\"m1\"}]}", true));
        assertEquals(all, keep("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", true));
        assertEquals(all, keep("not json", true));
    }

    @Test
    void aFunctionErrorKeepsEverythingAndPlainSuccessDeletesEverything() {
        assertEquals(Set.copyOf(BATCH), BatchItemFailures.messagesToKeep(InvocationResult.failure("Sandbox.Timedout",
                "{}".getBytes(StandardCharsets.UTF_8)), BATCH, true));
        assertEquals(Set.of(), keep("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}", false));
    }
}
