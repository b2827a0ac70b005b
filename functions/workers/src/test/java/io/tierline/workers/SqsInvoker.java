package io.tierline.workers;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.local.LambdaEvents;
import io.tierline.local.testing.LocalAwsTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what the SQS event source mapping does: real messages go through ElasticMQ, come back with their real ids
 * and attributes, and reach the function as the Lambda SQS event, through the Quarkus Lambda mock event server.
 */
final class SqsInvoker {
    record Outgoing(String body, Map<String, String> attributes) {
        static Outgoing of(String body) {
            return new Outgoing(body, Map.of());
        }
    }

    private SqsInvoker() {
    }

    /** @return the ids the function reported as failed (batchItemFailures) */
    static List<String> deliver(SqsClient sqs, String queueLogicalId, List<Outgoing> outgoing) {
        String queueUrl = ConfigProvider.getConfig().getValue(LocalAwsTestResource.QUEUE_URL_PREFIX + queueLogicalId,
                String.class);
        for (Outgoing message : outgoing) {
            Map<String, MessageAttributeValue> attributes = new java.util.HashMap<>();
            message.attributes().forEach((k, v) ->
                    attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body()).messageAttributes(attributes));
        }
        List<Message> received = new ArrayList<>();
        while (received.size() < outgoing.size()) {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"))
                    .messages());
        }
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        String response = given().baseUri("http://localhost:" + port).contentType("application/json")
                .body(LambdaEvents.sqsEvent(received, queueArn)).post("/_lambda_")
                .then().statusCode(200).extract().asString();
        // what the event source mapping does next: delete what succeeded
        JsonNode failures = response.isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(response);
        List<String> failed = new ArrayList<>();
        failures.path("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        received.stream().filter(m -> !failed.contains(m.messageId()))
                .forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return failed;
    }

    /** Everything on a queue right now (for dead-letter queues), consumed. */
    static List<Message> drain(SqsClient sqs, String queueLogicalId) {
        String queueUrl = ConfigProvider.getConfig().getValue(LocalAwsTestResource.QUEUE_URL_PREFIX + queueLogicalId,
                String.class);
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }
}
