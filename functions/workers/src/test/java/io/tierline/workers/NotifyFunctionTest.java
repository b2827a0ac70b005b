package io.tierline.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.notify.DeliveryLedger;
import io.tierline.core.notify.SentEmails;
import io.tierline.core.notify.WebhookSignature;
import io.tierline.core.ticket.TicketId;
import io.tierline.local.testing.HttpReceiver;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The notify worker on real SQS events, with the template's environment for NotifyFunction (email to the local
 * outbox, the webhook secret from the local Secrets Manager stand-in) and a real HTTP receiver.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "NotifyFunction"))
class NotifyFunctionTest {
    static HttpReceiver receiver;

    @Inject
    SqsClient sqs;
    @Inject
    DeliveryLedger ledger;
    @Inject
    SentEmails sentEmails;

    @BeforeAll
    static void startReceiver() {
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    static NotificationRequested notification(DeliveryChannel channel, String address, int attempt) {
        String ticket = "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
        NotificationRequested.Occasion occasion = new NotificationRequested.Occasion(new TicketId(ticket), 1, 1, 0);
        NotificationRequested.Target target = new NotificationRequested.Target("petra", channel, address);
        return new NotificationRequested(NotificationRequested.keyOf(occasion, target), occasion, target,
                new NotificationRequested.Content("Ticket escalated", "Level 1 reached.", Map.of("level", "1"), true),
                new NotificationRequested.Schedule(null, attempt));
    }

    static SqsInvoker.Outgoing message(NotificationRequested n) {
        return new SqsInvoker.Outgoing(Json.write(n), Map.of("type", "NotificationRequested"));
    }

    @Test
    void aMessageDeliveredTwiceInOneBatchReachesTheWebhookOnceSigned() {
        TestClock.CLOCK.set(Instant.parse("2026-05-04T08:00:00Z"));
        String path = "/hook-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), 0);
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "NotifyQueue", List.of(message(n), message(n))));
        assertEquals(1, receiver.requests(path).size());
        HttpReceiver.Request r = receiver.requests(path).get(0);
        // read here, not injected: test classes are beans of every worker test's application, most lack it
        String secret = ConfigProvider.getConfig().getValue("tierline.webhook.signing.secret", String.class);
        assertTrue(WebhookSignature.verify(secret.getBytes(StandardCharsets.UTF_8), r.header("Tierline-Timestamp"),
                r.header("Tierline-Signature"), r.body(), TestClock.CLOCK.instant(),
                WebhookSignature.DEFAULT_TOLERANCE), "signed with the function's secret");
        assertEquals(DeliveryLedger.State.DELIVERED, ledger.find(n.key()).orElseThrow().state());
    }

    @Test
    void emailGoesToTheLocalOutbox() {
        NotificationRequested n = notification(DeliveryChannel.CUSTOMER, "cleo@example.com", 0);
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "NotifyQueue", List.of(message(n))));
        SentEmails.Sent sent = sentEmails.newest(10).stream().filter(s -> s.email().key().equals(n.key()))
                .findFirst().orElseThrow();
        assertEquals("cleo@example.com", sent.email().to());
        assertEquals("notifications@example.com", sent.email().from(), "EmailFrom's default");
        assertEquals("Ticket escalated", sent.email().subject());
    }

    @Test
    void theLastFailedAttemptGoesToTheDeadLetterQueueWithTheReason() {
        SqsInvoker.drain(sqs, "NotifyDeadLetterQueue");
        String path = "/down-" + UUID.randomUUID();
        receiver.answer(500);
        NotificationRequested last = notification(DeliveryChannel.WEBHOOK, receiver.url(path), 4);
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "NotifyQueue", List.of(message(last))),
                "handled: moved, not retried by SQS");
        var dead = SqsInvoker.drain(sqs, "NotifyDeadLetterQueue");
        assertEquals(1, dead.size());
        assertEquals(Json.write(last), dead.get(0).body(), "the message as it came, ready to replay");
        assertEquals("gave up after 5 attempts; last: webhook: 127.0.0.1 answered HTTP 500",
                dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue());
        assertEquals(DeliveryLedger.State.FAILED, ledger.find(last.key()).orElseThrow().state());
    }

    /**
     * Delivers one message through the notify queue, which the worker must refuse at once (no batch failure, no
     * retry), and answers the reason the dead-letter queue's only message carries.
     */
    String deadLettered(String body) {
        SqsInvoker.drain(sqs, "NotifyDeadLetterQueue");
        assertEquals(List.of(), SqsInvoker.deliver(sqs, "NotifyQueue", List.of(SqsInvoker.Outgoing.of(body))));
        var dead = SqsInvoker.drain(sqs, "NotifyDeadLetterQueue");
        assertEquals(1, dead.size());
        return dead.get(0).messageAttributes().get("tierline-failure-reason").stringValue();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueue() {
        assertTrue(deadLettered("{\"type\":\"NotificationRequested\",\"key\":").startsWith("unreadable message"));
    }

    @Test
    void aNotificationWithoutItsKeyIsDeadLetteredAtOnceWithTheFieldNamed() {
        String path = "/without-key-" + UUID.randomUUID();
        String withoutKey = Json.write(notification(DeliveryChannel.WEBHOOK, receiver.url(path), 0))
                .replaceFirst("\"key\":\"[^\"]*\",", "");
        assertEquals("unreadable message: key: is required", deadLettered(withoutKey));
        assertEquals(0, receiver.requests(path).size(), "nothing was delivered");
    }

    @Test
    void aNotificationOnAChannelNobodyDeliversOnIsDeadLetteredAtOnceWithTheChannelNamed() {
        String path = "/pager-" + UUID.randomUUID();
        String pager = Json.write(notification(DeliveryChannel.WEBHOOK, receiver.url(path), 0))
                .replace("\"channel\":\"webhook\"", "\"channel\":\"pager\"");
        assertEquals("unreadable message: channel: 'pager' must be one of email, slack, webhook, customer",
                deadLettered(pager));
        assertEquals(0, receiver.requests(path).size(), "nothing was delivered");
    }
}
