package io.tierline.workers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.json.Json;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SLA sweep on EventBridge Scheduler's event, against DynamoDB Local and ElasticMQ. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "SlaSweepFunction"))
class SlaSweepFunctionTest {
    @Inject
    TicketStore store;
    @Inject
    SqsClient sqs;

    TicketId ticketDueAt(Instant at) {
        TicketChange created = Ticket.open(TicketId.next(TestClock.CLOCK), new TicketDraft(new TicketDraft.Asked("s",
                "d"),
                new Requester("R", "r@example.com", null, null), Channel.WEB,
                new TicketDraft.Levels(Level.LOW, Level.LOW), new TicketDraft.Topic(null, List.of())),
                "salt", Actor.customer("r@example.com"), TestClock.CLOCK.instant());
        // triaged: a ticket still new would also be due for triage, which is not what this test sweeps for
        TicketChange triaged = created.after().triage(new TriageDecision(Priority.LOW, new TeamName("billing"),
                Tier.FRONT_LINE,
                null, "t"), Actor.system("triage"), TestClock.CLOCK.instant());
        Ticket withDeadline = triaged.after().withNextDeadline(new Deadline(SlaMetric.RESOLUTION, 1, 50, at));
        List<TicketEvent> events = new ArrayList<>(created.events());
        events.addAll(triaged.events());
        store.create(new TicketChange(null, withDeadline, events), Optional.empty());
        return withDeadline.id();
    }

    JsonNode invoke(String scheduleInput) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        return Json.parse(given().baseUri("http://localhost:" + port).contentType("application/json")
                .body(scheduleInput).post("/_lambda_").then().statusCode(200).extract().asString());
    }

    @Test
    void sweepsWhatFallsDueInTheWindowFromTheScheduledTime() {
        TicketId soon = ticketDueAt(Instant.parse("2026-05-04T10:01:30Z"));
        ticketDueAt(Instant.parse("2026-05-04T11:00:00Z")); // an hour later: not this sweep's business
        TicketId overdue = ticketDueAt(Instant.parse("2026-05-04T09:30:00Z"));
        JsonNode report = invoke("{\"scheduledTime\":\"2026-05-04T10:00:00Z\",\"executionId\":\"e-1\"}");
        assertEquals("2026-05-04T10:00:00Z", report.get("now").asText(), "now comes from the event");
        assertEquals(2, report.get("sent").asInt(), report.toString());
        assertEquals(0, report.get("republished").asInt(), "every ticket was triaged");
        assertEquals(2, report.get("itemsRead").asInt(), "only what is due was read");
        assertEquals(8, report.get("dynamoRequests").asInt(), "one query per shard");

        String queue = ConfigProvider.getConfig().getValue("tierline.queue.escalation", String.class);
        var arrived = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertEquals(1, arrived.size(), "the overdue one is sent at once; the other is delayed 90 s");
        assertTrue(arrived.get(0).body().contains(overdue.value()));
        assertTrue(!arrived.get(0).body().contains(soon.value()));
    }
}
