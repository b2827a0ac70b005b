package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.local.testing.LocalAwsTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalAwsTestResourceTest {

    @Test
    void configuresTheAwsClientsAndTheFunctionEnvironment() {
        LocalAwsTestResource resource = new LocalAwsTestResource();
        resource.init(Map.of("function", "IntakeFunction"));
        Map<String, String> config = resource.start();
        try {
            LocalAws aws = LocalAwsTestResource.localAws();
            assertEquals(aws.dynamoDbEndpoint().toString(), config.get("quarkus.dynamodb.endpoint-override"));
            assertEquals(aws.sqsEndpoint().toString(), config.get("quarkus.sqs.endpoint-override"));
            for (String service : new String[] {"dynamodb", "sqs"}) {
                assertEquals("us-east-1", config.get("quarkus." + service + ".aws.region"));
                assertEquals("static", config.get("quarkus." + service + ".aws.credentials.type"));
                assertEquals(LocalAccount.ACCESS_KEY_ID,
                        config.get("quarkus." + service + ".aws.credentials.static-provider.access-key-id"));
                assertEquals(LocalAccount.SECRET_ACCESS_KEY,
                        config.get("quarkus." + service + ".aws.credentials.static-provider.secret-access-key"));
            }
            assertEquals("TicketsTable", config.get("tierline.table"));
            assertEquals(aws.queueUrl("TriageQueue"), config.get("tierline.queue.triage"));
            assertEquals(aws.queueUrl("IntakeDeadLetterQueue"), config.get("tierline.queue.intake.dlq"));
            assertEquals("intake", config.get("quarkus.funqy.export"));
            assertFalse(config.containsKey("java.tool.options"));
            assertEquals(LocalSystem.jsonLogs(System.getenv()) ? "true" : "false",
                    config.get("quarkus.log.console.json.enabled"), "readable lines in tests, not the template's JSON");
            assertEquals(aws.queueUrl("IntakeQueue"), config.get("tierline.local.queue.IntakeQueue"));
            assertEquals("TicketsTable", config.get("tierline.local.table.TicketsTable"));
            assertTrue(aws.dynamoDb().listTables().tableNames().contains("TicketsTable"));
        } finally {
            resource.stop();
        }
        assertThrows(IllegalStateException.class, LocalAwsTestResource::localAws);
    }
}
