package io.tierline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.Message;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import io.tierline.local.FunctionDefinition;
import io.tierline.local.FunctionEvent;
import io.tierline.local.InvocationResult;
import io.tierline.local.LambdaEvents;
import io.tierline.local.LocalAws;
import io.tierline.local.ScheduleSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The real events the cold-start benchmark hands each function, one per request: what API Gateway, the SQS event
 * source mapping and EventBridge Scheduler send, built by the local runner's own code from real messages on the
 * emulated queues. The functions run in the template's order of work, so later ones get what earlier ones made: the
 * api and intake functions create tickets and put TicketCreated on the triage queue, triage picks those up, escalate
 * gets each triaged ticket's real next deadline, notify one email per triaged ticket.
 */
final class ColdStartEvents {

    /** A function's stream of events: each request of a run takes the next one. */
    interface Feed {
        byte[] next();

        /** Fails unless the reply says the function did the work (a cold start that answers with an error is no figure). */
        void check(InvocationResult reply);
    }

    private final LocalAws aws;
    private final TicketStore store;
    private final SqsOutbox outbox;
    private final Deque<String> triaged = new ArrayDeque<>();
    private final AtomicInteger serial = new AtomicInteger();

    ColdStartEvents(LocalAws aws) {
        this.aws = aws;
        this.store = new DynamoDbTicketStore(aws.dynamoDb(), aws.tableName("TicketsTable"));
        this.outbox = new SqsOutbox(aws.sqs(), aws.queueUrl("TriageQueue"), aws.queueUrl("EscalationQueue"),
                aws.queueUrl("NotifyQueue"));
    }

    /**
     * Why the functions chosen for a run cannot all get events, or null: triage reads tickets the api or intake
     * function made, escalate and notify read tickets triage triaged (see the class comment).
     */
    static String missingProducers(List<FunctionDefinition> chosen) {
        Set<String> reads = new HashSet<>();
        for (FunctionDefinition function : chosen) {
            for (FunctionEvent event : function.events()) {
                if (event instanceof FunctionEvent.HttpApi) {
                    reads.add("HttpApi");
                } else if (event instanceof FunctionEvent.Sqs sqs) {
                    reads.add(sqs.queueLogicalId());
                }
            }
        }
        boolean makesTickets = reads.contains("HttpApi") || reads.contains("IntakeQueue");
        if (reads.contains("TriageQueue") && !makesTickets) {
            return "the function reading TriageQueue needs one that makes tickets too (ApiFunction or IntakeFunction)";
        }
        if ((reads.contains("EscalationQueue") || reads.contains("NotifyQueue")) && !reads.contains("TriageQueue")) {
            return "the functions reading EscalationQueue and NotifyQueue need triaged tickets: add TriageFunction and"
                    + " ApiFunction or IntakeFunction";
        }
        return null;
    }

    /** The feed for a function of the template, chosen by its event source. */
    Feed feedFor(FunctionDefinition function) {
        for (FunctionEvent event : function.events()) {
            if (event instanceof FunctionEvent.HttpApi) {
                return createTicketRequests();
            }
            if (event instanceof FunctionEvent.Schedule schedule) {
                return scheduled(function, schedule);
            }
            if (event instanceof FunctionEvent.Sqs sqs) {
                return switch (sqs.queueLogicalId()) {
                    case "IntakeQueue" -> sqsFeed("IntakeQueue", () -> aws.sqs().sendMessage(b -> b
                            .queueUrl(aws.queueUrl("IntakeQueue")).messageBody(intakeTicket(serial.incrementAndGet()))));
                    case "TriageQueue" -> triageFeed();
                    case "EscalationQueue" -> sqsFeed("EscalationQueue", () -> outbox.publish(nextDeadline()));
                    case "NotifyQueue" -> sqsFeed("NotifyQueue", () -> outbox.publish(customerEmail()));
                    default -> throw new IllegalArgumentException(function.logicalId() + " reads "
                            + sqs.queueLogicalId() + ", for which the cold-start benchmark has no event yet");
                };
            }
        }
        throw new IllegalArgumentException(function.logicalId() + " has no HttpApi, Sqs or schedule event");
    }

    /** The baseline function takes any JSON object. */
    Feed anyObject() {
        return new Feed() {
            @Override
            public byte[] next() {
                return ("{\"n\":" + serial.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void check(InvocationResult reply) {
                failIfError(reply);
            }
        };
    }

    /** POST /tickets as the support form's script sends it, through the template's route, answered 201. */
    private Feed createTicketRequests() {
        return new Feed() {
            @Override
            public byte[] next() {
                int n = serial.incrementAndGet();
                String body = TicketApi.urgentTicket("cold", n);
                return LambdaEvents.httpApiEvent("POST", "/tickets", Map.of("content-type", "application/json",
                        "accept", "application/json"), body.getBytes(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void check(InvocationResult reply) {
                failIfError(reply);
                LambdaEvents.HttpReply http = LambdaEvents.httpApiReply(reply.payload());
                if (http.status() != 201) {
                    throw new IllegalStateException("POST /tickets answered " + http.status() + ": " + http.bodyText());
                }
            }
        };
    }

    /** What EventBridge Scheduler sends for the template's Input, for the current minute. */
    private Feed scheduled(FunctionDefinition function, FunctionEvent.Schedule event) {
        String input = event.input() == null ? null : aws.resolver().resolveToString(event.input());
        ScheduleSource source = ScheduleSource.create(event, function.logicalId(), payload -> {
            throw new UnsupportedOperationException("the benchmark invokes the function itself");
        }, input, Clock.systemUTC(), line -> { });
        return new Feed() {
            @Override
            public byte[] next() {
                return source.payload(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                        .getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void check(InvocationResult reply) {
                failIfError(reply);
            }
        };
    }

    /** TicketCreated messages the api and intake functions put on the triage queue, for tickets that exist. */
    private Feed triageFeed() {
        Feed received = sqsFeed("TriageQueue", () -> {
            throw new IllegalStateException("the triage queue is empty: the api or intake function runs first and"
                    + " creates the tickets triage gets");
        });
        return new Feed() {
            @Override
            public byte[] next() {
                byte[] event = received.next();
                for (JsonNode record : Json.parse(new String(event, StandardCharsets.UTF_8)).get("Records")) {
                    triaged.add(Json.parse(record.get("body").asText()).get("ticketId").asText());
                }
                return event;
            }

            @Override
            public void check(InvocationResult reply) {
                received.check(reply);
            }
        };
    }

    /** The message the sweep would send when a triaged ticket's next deadline falls due. */
    private Message nextDeadline() {
        String id = nextTriagedTicket("escalate");
        Deadline deadline = store.find(new TicketId(id)).map(Ticket::nextDeadline).orElseThrow(
                () -> new IllegalStateException("ticket " + id + " has no deadline after triage"));
        triaged.addLast(id); // notify gets an email about it too
        return new DeadlineDue(new TicketId(id), DeadlineKey.of(deadline), deadline.at());
    }

    /** An email to a triaged ticket's requester, as the escalation engine sends one (the local outbox records it). */
    private Message customerEmail() {
        String id = nextTriagedTicket("notify");
        return NotificationRequested.of(new NotificationRequested.Occasion(new TicketId(id), 1, 0, 0),
                NotificationRequested.Target.customer("cold-start@example.com"),
                new NotificationRequested.Content("We escalated your ticket", "A senior engineer is looking at it now.",
                        Map.of("ticketId", id), true), NotificationRequested.Schedule.first(null));
    }

    private String nextTriagedTicket(String purpose) {
        String id = triaged.pollFirst();
        if (id == null) {
            throw new IllegalStateException("no triaged ticket left for " + purpose + ": triage runs first");
        }
        return id;
    }

    /**
     * One real message per event, as the event source mapping delivers it: sent (by {@code produce}, unless one is
     * already waiting), received with every attribute, wrapped in the SQS event, deleted once handled.
     */
    private Feed sqsFeed(String queueLogicalId, Runnable produce) {
        String url = aws.queueUrl(queueLogicalId);
        String arn = aws.queueArn(queueLogicalId);
        return new Feed() {
            private String receipt;

            @Override
            public byte[] next() {
                var messages = receiveOne(url);
                if (messages.isEmpty()) {
                    produce.run();
                    messages = receiveOne(url);
                }
                if (messages.isEmpty()) {
                    throw new IllegalStateException("no message arrived on " + queueLogicalId);
                }
                receipt = messages.get(0).receiptHandle();
                return LambdaEvents.sqsEvent(messages, arn).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void check(InvocationResult reply) {
                failIfError(reply);
                String text = reply.payloadText();
                JsonNode failures = text == null || text.isBlank() ? null : Json.parse(text).get("batchItemFailures");
                if (failures != null && !failures.isEmpty()) {
                    throw new IllegalStateException(queueLogicalId + " message failed: " + text);
                }
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(receipt));
            }
        };
    }

    private List<software.amazon.awssdk.services.sqs.model.Message> receiveOne(String url) {
        return aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1)
                .visibilityTimeout(120).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    /** An intake message as another service posts it (IntakeFunction's contract); unique, so never a duplicate. */
    private static String intakeTicket(int n) {
        return Json.write(Map.of("subject", "VPN drops every ten minutes (cold start " + n + ")",
                "description", "Since this morning's update the VPN disconnects.", "channel", "email",
                "requester", Map.of("name", "Cold " + n, "email", "cold-intake-" + n + "@example.com")));
    }

    private static void failIfError(InvocationResult reply) {
        if (reply.isError()) {
            throw new IllegalStateException("the function answered " + reply);
        }
    }
}
