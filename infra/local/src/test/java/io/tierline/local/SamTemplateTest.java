package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.load(ProjectFiles.templateFile());

    @Test
    void readsTheTicketsTableWithItsIndexesAndTtl() {
        assertEquals(List.of("TicketsTable"), List.copyOf(template.tables().keySet()));
        TableDefinition table = template.table("TicketsTable");
        assertNull(table.tableName());
        assertEquals("TicketsTable", table.physicalName());
        assertEquals(List.of(new TableDefinition.KeyElement("pk", "HASH"), new TableDefinition.KeyElement("sk", "RANGE")),
                table.keySchema());
        assertEquals(11, table.attributes().size());
        assertEquals(List.of("TeamQueueIndex", "CustomerIndex", "CustomerEmailIndex", "DueIndex", "RootCauseIndex"),
                table.globalSecondaryIndexes().stream().map(TableDefinition.Index::indexName).toList());
        TableDefinition.Index due = table.globalSecondaryIndexes().get(3);
        assertEquals("INCLUDE", due.projectionType());
        assertEquals(List.of("ticketId", "dueAt", "dueMetric", "dueCycle", "duePercent", "engineDueAt", "triageDueAt",
                "followUpDueAt"),
                due.nonKeyAttributes());
        assertEquals("expiresAt", table.ttlAttribute());
    }

    @Test
    void readsQueuesWithTheirRedrivePolicies() {
        assertEquals(List.of("IntakeQueue", "IntakeDeadLetterQueue", "TriageQueue", "TriageDeadLetterQueue",
                "EscalationQueue", "EscalationDeadLetterQueue", "NotifyQueue", "NotifyDeadLetterQueue"),
                List.copyOf(template.queues().keySet()));
        QueueDefinition intake = template.queue("IntakeQueue");
        assertEquals(180, intake.visibilityTimeout());
        assertEquals(1209600, intake.messageRetentionPeriod());
        assertEquals(new QueueDefinition.RedrivePolicy("IntakeDeadLetterQueue", 5), intake.redrivePolicy());
        assertNull(template.queue("IntakeDeadLetterQueue").redrivePolicy());
        assertEquals(List.of("IntakeDeadLetterQueue", "IntakeQueue", "TriageDeadLetterQueue", "TriageQueue",
                        "EscalationDeadLetterQueue", "EscalationQueue", "NotifyDeadLetterQueue", "NotifyQueue"),
                QueueCreator.deadLetterQueuesFirst(template.queues().values()).stream()
                        .map(QueueDefinition::logicalId).toList());
    }

    @Test
    void mergesGlobalsIntoFunctions() {
        assertEquals(List.of("ApiFunction", "IntakeFunction", "TriageFunction", "SlaSweepFunction", "EscalateFunction",
                        "NotifyFunction"),
                List.copyOf(template.functions().keySet()));
        FunctionEvent.Schedule everyMinute = template.function("SlaSweepFunction").events(FunctionEvent.Schedule.class)
                .get(0);
        assertEquals("rate(1 minute)", everyMinute.expression());
        FunctionDefinition intake = template.function("IntakeFunction");
        Path root = ProjectFiles.templateFile().getParent();
        assertEquals(root.resolve("functions/workers/target/function.zip"), intake.codeUri());
        assertEquals("io.tierline.workers.TierlineFunqyHandler::handleRequest", intake.handler());
        assertEquals("java25", intake.runtime());
        assertEquals(30, intake.timeout());
        assertEquals(1024, intake.memorySize());
        assertEquals(List.of("TIERLINE_TABLE", "TIERLINE_QUEUE_TRIAGE", "JAVA_TOOL_OPTIONS",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "QUARKUS_LOG_LEVEL", "QUARKUS_FUNQY_EXPORT",
                "TIERLINE_QUEUE_INTAKE_DLQ", "TIERLINE_CUSTOMER_TOKEN_SECRET"), List.copyOf(intake.environment().keySet()));
        assertEquals(new Intrinsic("Ref", "TicketsTable"), intake.environment().get("TIERLINE_TABLE"));
        assertEquals("intake", intake.environment().get("QUARKUS_FUNQY_EXPORT"));
    }

    @Test
    void readsHttpApiAndSqsEvents() {
        List<FunctionEvent> api = template.function("ApiFunction").events();
        assertTrue(api.contains(new FunctionEvent.HttpApi("SupportForm", "/", "GET")), api.toString());
        assertTrue(api.contains(new FunctionEvent.HttpApi("CreateTicket", "/tickets", "POST")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("TicketActions", "/tickets/{id}/{proxy+}", "POST")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("TriageDryRun", "/triage/dry-run", "POST")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("PageAssets", "/assets/{name}", "GET")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("OutboxEmails", "/outbox/emails", "GET")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("DashboardFiles", "/dashboard/{proxy+}", "GET")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("MyAvailability", "/agents/me/availability", "PUT")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("KnowledgeBase", "/kb/{proxy+}", "GET")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("HelpArticlePage", "/help/articles/{id}", "GET")));
        assertTrue(api.contains(new FunctionEvent.HttpApi("TicketReads", "/tickets/{id}/{proxy+}", "GET")));
        assertEquals(25, api.size());
        assertEquals(java.util.Set.of("AgentUserPool"), template.identity().userPools());
        assertEquals(Map.of("AgentUserPoolClient", new UserPoolClientDefinition("AgentUserPoolClient", "AgentUserPool",
                java.time.Duration.ofHours(1))), template.identity().userPoolClients());
        assertEquals(java.util.Set.of("CustomerTokenSecret", "WebhookSigningSecret"), template.identity().secrets());
        FunctionEvent.Sqs triage = assertInstanceOf(FunctionEvent.Sqs.class,
                template.function("TriageFunction").events().get(0));
        assertEquals(new FunctionEvent.Sqs("TriageMessages", "TriageQueue", 10, 1, List.of("ReportBatchItemFailures"), true),
                triage);
        assertTrue(triage.reportsBatchItemFailures());
    }

    @Test
    void localParameterValuesFromTheMetadataReplaceDefaults() {
        Map<String, Object> parameters = template.sections().parameterDefaults();
        assertEquals("outbox", parameters.get("EmailDelivery"), "email cannot leave this machine");
        assertEquals("notifications@example.com", parameters.get("EmailFrom"), "the Default");
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> SamTemplate.parse("""
                        Metadata:
                          TierlineLocal:
                            ParameterValues: {Stage: prod}
                        Resources: {}
                        """, Path.of("/tmp/template.yaml")));
        assertEquals("Metadata.TierlineLocal.ParameterValues.Stage: the template has no such parameter",
                unknown.getMessage());
    }

    @Test
    void parsesShortAndLongFormIntrinsics() {
        SamTemplate parsed = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                Conditions:
                  IsDev: !Equals [!Ref Stage, dev]
                  IsProd: {"Fn::Not": [{Condition: IsDev}]}
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: jobs, FifoQueue: true}
                  Dlq:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: build/fn.zip
                      Handler: a.B::handle
                      Environment:
                        Variables:
                          A: !GetAtt [Queue, QueueName]
                          B: {"Fn::GetAtt": "Queue.Arn"}
                          C: !Sub "${Queue.QueueName}-${AWS::Region}-${Stage}-${!Literal}"
                          D: !If [IsProd, prod, !Join ["-", [!Select [1, !Split [",", "x,y,z"]], !Ref Stage]]]
                          E: !If [IsDev, !Ref "AWS::NoValue", kept]
                          F: {"Fn::Sub": ["${X}/${Queue}", {X: !Ref "AWS::AccountId"}]}
                      Events:
                        Jobs: {Type: SQS, Properties: {Queue: "arn:aws:sqs:us-east-1:123456789012:jobs"}}
                        Tick: {Type: Schedule, Properties: {Schedule: rate(1 minute), Input: '{"a":1}'}}
                        Nightly: {Type: ScheduleV2, Properties: {ScheduleExpression: "cron(0 2 * * ? *)", State: DISABLED}}
                        Catch: {Type: HttpApi}
                  Other: {Type: AWS::SNS::Topic}
                """, Path.of("/project/template.yaml"));
        FunctionDefinition function = parsed.function("Fn");
        assertEquals(Path.of("/project/build/fn.zip"), function.codeUri());
        assertEquals(3, function.timeout());
        assertEquals(128, function.memorySize());
        assertEquals("jobs", parsed.queue("Queue").physicalName());
        assertEquals("Dlq", parsed.queue("Dlq").physicalName());
        assertEquals("Queue", function.events(FunctionEvent.Sqs.class).get(0).queueLogicalId());
        assertEquals("$default", function.events(FunctionEvent.HttpApi.class).get(0).routeKey());
        List<FunctionEvent.Schedule> schedules = function.events(FunctionEvent.Schedule.class);
        assertEquals("{\"a\":1}", schedules.get(0).input());
        assertTrue(schedules.get(0).enabled());
        assertEquals(FunctionEvent.Schedule.Kind.EVENTBRIDGE_SCHEDULER, schedules.get(1).kind());
        assertEquals(false, schedules.get(1).enabled());

        IntrinsicResolver resolver = new IntrinsicResolver(parsed, new ResourceAttributes() {
            @Override
            public String ref(String logicalId) {
                return "url-of-" + logicalId;
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return attribute + "-of-" + logicalId;
            }
        });
        var environment = function.environment();
        assertEquals("QueueName-of-Queue", resolver.resolveToString(environment.get("A")));
        assertEquals("Arn-of-Queue", resolver.resolveToString(environment.get("B")));
        assertEquals("QueueName-of-Queue-us-east-1-dev-${Literal}", resolver.resolveToString(environment.get("C")));
        assertEquals("y-dev", resolver.resolveToString(environment.get("D")));
        assertNull(resolver.resolveToString(environment.get("E")));
        assertEquals("000000000000/url-of-Queue", resolver.resolveToString(environment.get("F")));
    }
}
