package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalAwsTest {

    private static LocalAws aws;
    private static SamTemplate template;

    @BeforeAll
    static void start() {
        template = SamTemplate.load(ProjectFiles.templateFile());
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(template);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void createsTheTableWithIndexesAndTtl() {
        TableDescription table = aws.dynamoDb().describeTable(r -> r.tableName("TicketsTable")).table();
        Map<String, GlobalSecondaryIndexDescription> indexes = table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, Function.identity()));
        assertEquals(Set.of("TeamQueueIndex", "CustomerIndex", "CustomerEmailIndex", "DueIndex", "RootCauseIndex"),
                indexes.keySet());
        assertTrue(indexes.values().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE));
        assertEquals(ProjectionType.INCLUDE, indexes.get("DueIndex").projection().projectionType());
        assertEquals(List.of("ticketId", "dueAt", "dueMetric", "dueCycle", "duePercent", "engineDueAt", "triageDueAt",
                "followUpDueAt"), indexes.get("DueIndex").projection().nonKeyAttributes());
        var ttl = aws.dynamoDb().describeTimeToLive(r -> r.tableName("TicketsTable")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void createsQueuesWithTheirRedrivePolicies() {
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(r -> r
                .queueUrl(aws.queueUrl("IntakeQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("180", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        var redrive = Json.read(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(aws.queueArn("IntakeDeadLetterQueue"), redrive.get("deadLetterTargetArn").asText());
        assertEquals(5, redrive.get("maxReceiveCount").asInt());
        assertEquals(aws.sqsEndpoint() + "/000000000000/TriageQueue", aws.queueUrl("TriageQueue"));
    }

    @Test
    void redrivesAMessageAfterMaxReceiveCountReceives() {
        String queue = aws.queueUrl("TriageQueue");
        String deadLetterQueue = aws.queueUrl("TriageDeadLetterQueue");
        aws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody("poison"));
        for (int receive = 1; receive <= 5; receive++) {
            // Visibility 0 makes the message visible again at once: five receives without waiting 180 s each.
            List<Message> messages = aws.sqs().receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(0)
                    .waitTimeSeconds(1)).messages();
            assertEquals(1, messages.size(), "receive " + receive);
        }
        assertTrue(aws.sqs().receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)).messages().isEmpty());
        List<Message> dead = aws.sqs().receiveMessage(r -> r.queueUrl(deadLetterQueue).waitTimeSeconds(2)).messages();
        assertEquals(List.of("poison"), dead.stream().map(Message::body).toList());
    }

    @Test
    void resolvesFunctionEnvironments() {
        Map<String, String> environment = aws.environmentOf(template.function("IntakeFunction"));
        assertEquals("TicketsTable", environment.get("TIERLINE_TABLE"));
        assertEquals(aws.queueUrl("TriageQueue"), environment.get("TIERLINE_QUEUE_TRIAGE"));
        assertEquals(aws.queueUrl("IntakeDeadLetterQueue"), environment.get("TIERLINE_QUEUE_INTAKE_DLQ"));
        assertEquals("intake", environment.get("QUARKUS_FUNQY_EXPORT"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:TriageQueue", aws.getAtt("TriageQueue", "Arn"));
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/TicketsTable/index/*",
                aws.resolver().resolveToString(new Intrinsic("Fn::Sub", "${TicketsTable.Arn}/index/*")));
    }
}
