package io.tierline.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tierline.local.testing.LocalAwsTestResource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import jakarta.inject.Inject;

/** The intake worker on real SQS events, against DynamoDB Local and ElasticMQ. */
@QuarkusTest
// Each worker test class gets its own emulators and its function's environment from template.yaml
// (QUARKUS_FUNQY_EXPORT among it), hence restrictToAnnotatedClass: Quarkus restarts between the classes.
@QuarkusTestResource(value = LocalAwsTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "IntakeFunction"))
class IntakeFunctionTest {
    @Inject
    SqsClient sqs;
    @Inject
    DynamoDbClient dynamo;
    @ConfigProperty(name = "tierline.table")
    String table;

    static String ticketJson(String email, String subject) {
        return "{\"subject\":\"" + subject + "\",\"description\":\"From the CRM\",\"channel\":\"email\","
                + "\"requester\":{\"name\":\"Eve\",\"email\":\"" + email + "\"}}";
    }

    /** Tickets of one requester, through the customer-history index (access pattern 4). */
    int ticketsOf(String email) {
        return dynamo.query(b -> b.tableName(table).indexName("CustomerIndex")
                .keyConditionExpression("customerPk = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CUSTOMER#email:" + email)))).count();
    }

    int storedItems() {
        return dynamo.scan(b -> b.tableName(table).select("COUNT")).count();
    }

    @BeforeEach
    void emptyQueues() {
        SqsInvoker.drain(sqs, "IntakeDeadLetterQueue");
        SqsInvoker.drain(sqs, "TriageQueue");
    }

    @Test
    void aMessageBecomesATicketQueuedForTriage() {
        List<String> failed = SqsInvoker.deliver(sqs, "IntakeQueue",
                List.of(SqsInvoker.Outgoing.of(ticketJson("eve1@example.com", "VPN broken"))));
        assertEquals(List.of(), failed);
        assertEquals(1, ticketsOf("eve1@example.com"));
        assertEquals(1, SqsInvoker.drain(sqs, "TriageQueue").size());
    }

    @Test
    void theSameMessageSentTwiceCreatesOneTicket() {
        String body = ticketJson("eve2@example.com", "Duplicate me");
        SqsInvoker.deliver(sqs, "IntakeQueue", List.of(SqsInvoker.Outgoing.of(body)));
        SqsInvoker.deliver(sqs, "IntakeQueue", List.of(SqsInvoker.Outgoing.of(body)));
        assertEquals(1, ticketsOf("eve2@example.com"));
        // and within one batch
        String other = ticketJson("eve3@example.com", "Twice in a batch");
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "IntakeQueue",
                List.of(SqsInvoker.Outgoing.of(other), SqsInvoker.Outgoing.of(other))));
        assertEquals(1, ticketsOf("eve3@example.com"));
    }

    @Test
    void theProducersKeyDecidesWhatIsADuplicate() {
        Map<String, String> key = Map.of("idempotencyKey", "crm-4711", "source", "crm");
        SqsInvoker.deliver(sqs, "IntakeQueue",
                List.of(new SqsInvoker.Outgoing(ticketJson("eve4@example.com", "Keyed"), key)));
        int items = storedItems();
        // same key, different body: the producer has a bug; refuse to the dead-letter queue, store nothing
        List<String> failed = SqsInvoker.deliver(sqs, "IntakeQueue",
                List.of(new SqsInvoker.Outgoing(ticketJson("eve4@example.com", "Keyed but changed"), key)));
        assertEquals(List.of(), failed, "a permanent failure is acknowledged, not retried");
        assertEquals(items, storedItems());
        List<Message> dead = SqsInvoker.drain(sqs, "IntakeDeadLetterQueue");
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue()
                .contains("already used with a different request"));
    }

    @Test
    void invalidMessagesGoToTheDeadLetterQueueWithTheReasonAndTheRestOfTheBatchSucceeds() {
        int items = storedItems();
        List<String> failed = SqsInvoker.deliver(sqs, "IntakeQueue", List.of(
                SqsInvoker.Outgoing.of("{not json"),
                SqsInvoker.Outgoing.of("{\"subject\":\"no requester\",\"description\":\"d\"}"),
                SqsInvoker.Outgoing.of(ticketJson("eve5@example.com", "Valid one"))));
        assertEquals(List.of(), failed);
        assertEquals(1, ticketsOf("eve5@example.com"));
        assertTrue(storedItems() > items);
        List<Message> dead = SqsInvoker.drain(sqs, "IntakeDeadLetterQueue");
        assertEquals(2, dead.size());
        List<String> reasons = dead.stream()
                .map(m -> m.messageAttributes().get("tierline-failure-reason").stringValue()).sorted().toList();
        assertTrue(reasons.get(0).startsWith("$: malformed JSON"), reasons.toString());
        assertEquals("requester: is required", reasons.get(1));
        assertTrue(dead.stream().anyMatch(m -> m.body().equals("{not json")), "the original body is kept");
    }

    @Test
    void aDuplicatedKeyOrALineBreakInTheNameIsDeadLetteredWithTheFieldNamed() {
        int items = storedItems();
        List<String> failed = SqsInvoker.deliver(sqs, "IntakeQueue", List.of(
                SqsInvoker.Outgoing.of(ticketJson("eve6@example.com", "Twice").replace("{\"subject\"",
                        "{\"subject\":\"first\",\"subject\"")),
                SqsInvoker.Outgoing.of(ticketJson("eve7@example.com", "Header injection")
                        .replace("\"Eve\"", "\"Eve\\r\\nBcc: all@example.com\""))));
        assertEquals(List.of(), failed, "a permanent failure is acknowledged, not retried");
        assertEquals(items, storedItems(), "nothing stored");
        List<String> reasons = SqsInvoker.drain(sqs, "IntakeDeadLetterQueue").stream()
                .map(m -> m.messageAttributes().get("tierline-failure-reason").stringValue()).sorted().toList();
        assertEquals(List.of("requester.name: must be one line without control characters",
                "subject: is given more than once"), reasons);
    }
}
