package io.tierline.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.aws.DynamoDbDeliveryLedger;
import io.tierline.core.aws.OutboxEmailSender;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.json.Json;
import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.Message;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.message.NotificationRequested.Content;
import io.tierline.core.message.NotificationRequested.Occasion;
import io.tierline.core.message.NotificationRequested.Schedule;
import io.tierline.core.message.NotificationRequested.Target;
import io.tierline.core.message.PoisonMessageException;
import io.tierline.core.notify.DeliveryOutcome.Kind;
import io.tierline.core.port.Outbox;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.time.SettableClock;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import io.tierline.local.testing.HttpReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The notify worker's service against DynamoDB Local (ledger, email outbox), ElasticMQ (re-published retries and
 * deferrals) and a real HTTP receiver, with a set clock.
 */
class NotificationDeliveryTest {
    static final String SECRET = "webhook-secret-for-tests-0123456789abcdef";
    static final String FROM = "tierline@example.com";
    static LocalAws aws;
    static String notifyQueue;
    static HttpReceiver receiver;
    static DynamoDbDeliveryLedger ledger;
    static OutboxEmailSender emails;

    final SettableClock clock = new SettableClock(Instant.parse("2026-05-04T08:00:00Z"));
    final RelayingOutbox outbox = new RelayingOutbox();
    NotificationService service;

    /**
     * SQS holds a delayed message for real seconds, and tests do not sleep: this outbox records the delay each
     * message asked for and puts it on the real notify queue at once, where the test reads it back.
     */
    static final class RelayingOutbox implements Outbox {
        final List<Delayed> requested = new CopyOnWriteArrayList<>();
        final SqsOutbox sqs = new SqsOutbox(aws.sqs(), null, null, notifyQueue);

        @Override
        public void publish(Message message) {
            sqs.publish(message);
        }

        @Override
        public int publishDelayed(List<Delayed> messages) {
            requested.addAll(messages);
            return sqs.publishDelayed(messages.stream().map(d -> new Delayed(d.message(), Duration.ZERO)).toList());
        }

        List<Duration> delays() {
            return requested.stream().map(Delayed::delay).toList();
        }
    }

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
        notifyQueue = aws.queueUrl("NotifyQueue");
        String table = aws.tableName("TicketsTable");
        ledger = new DynamoDbDeliveryLedger(aws.dynamoDb(), table, Duration.ofDays(30));
        emails = new OutboxEmailSender(aws.dynamoDb(), table, Duration.ofDays(30));
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        aws.close();
    }

    @BeforeEach
    void wire() {
        queued(); // whatever an earlier test left on the queue
        service = new NotificationService(ledger, NotificationService.standardChannels(emails, FROM,
                HttpDelivery.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), SECRET), outbox,
                RetryPolicy.defaults(5));
    }

    /** Everything on the notify queue now, consumed. */
    List<NotificationRequested> queued() {
        List<NotificationRequested> all = new ArrayList<>();
        List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(notifyQueue).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (var m : batch) {
                all.add(read(m.body()));
                aws.sqs().deleteMessage(b -> b.queueUrl(notifyQueue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }

    static NotificationRequested read(String body) {
        try {
            return (NotificationRequested) Json.MAPPER.readValue(body, Message.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(body, e);
        }
    }

    NotificationRequested notification(DeliveryChannel channel, String address, Instant notBefore) {
        String ticket = "01J" + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
        String recipient = channel == DeliveryChannel.CUSTOMER ? NotificationRequested.CUSTOMER : "petra";
        return NotificationRequested.of(new Occasion(new TicketId(ticket), 1, 2, 0),
                new Target(recipient, channel, address),
                new Content("Ticket " + ticket + " escalated to tier 2",
                        "Level 2: <no answer> for 30 minutes & counting.", Map.of("kind", "automatic", "level", "2"),
                        false), Schedule.first(notBefore));
    }

    /** One queued message: the next attempt or hop the service re-published. */
    NotificationRequested onlyQueued() {
        List<NotificationRequested> q = queued();
        assertEquals(1, q.size(), q.toString());
        return q.get(0);
    }

    @Test
    void theSameMessageHandledTwiceIsDeliveredOnce() {
        String path = "/twice-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), null);
        assertEquals(Kind.DELIVERED, service.handle(n, clock.instant()).kind());
        clock.advance(Duration.ofSeconds(3));
        DeliveryOutcome again = service.handle(n, clock.instant());
        assertEquals(Kind.DUPLICATE, again.kind());
        assertTrue(again.reason().startsWith("already delivered"), again.reason());
        assertEquals(1, receiver.requests(path).size());
        assertEquals(List.of(), queued(), "a duplicate publishes nothing");
        DeliveryLedger.Delivery d = ledger.find(n.key()).orElseThrow();
        assertEquals(DeliveryLedger.State.DELIVERED, d.state());
        assertEquals(1, d.attempts());
        assertEquals(DeliveryChannel.WEBHOOK, d.channel());
        assertEquals("petra", d.recipient());
        assertEquals(Instant.parse("2026-05-04T08:00:00Z"), d.deliveredAt());
        assertNull(d.leaseUntil());
    }

    @Test
    void aCopyArrivingWhileAnotherHoldsTheLeaseWaitsForItInsteadOfSending() {
        String path = "/lease-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), null);
        // copy A claimed the key and is sending right now
        assertTrue(ledger.claim(n, clock.instant(), clock.instant().plusSeconds(60)).granted());
        clock.advance(Duration.ofSeconds(5));
        DeliveryOutcome b = service.handle(n, clock.instant());
        assertEquals(Kind.DEFERRED, b.kind());
        assertEquals(Duration.ofSeconds(55), b.delay(), "until A's lease ends");
        assertEquals(0, receiver.requests(path).size());
        NotificationRequested hop = onlyQueued();
        assertEquals(n, hop, "the same message, unchanged");
        // A delivered meanwhile: B's copy comes back and changes nothing
        ledger.delivered(n.key(), clock.instant());
        clock.advance(Duration.ofSeconds(55));
        assertEquals(Kind.DUPLICATE, service.handle(hop, clock.instant()).kind());
        assertEquals(0, receiver.requests(path).size());
    }

    @Test
    void aReceiverFailingTwiceGetsExactlyOneDeliveryOnTheThirdAttempt() {
        String path = "/flaky-" + UUID.randomUUID();
        receiver.answer(500, 502);
        NotificationRequested first = notification(DeliveryChannel.WEBHOOK, receiver.url(path), null);
        Instant start = clock.instant();

        DeliveryOutcome one = service.handle(first, clock.instant());
        assertEquals(Kind.RETRY_SCHEDULED, one.kind());
        assertTrue(one.reason().contains("HTTP 500"), one.reason());
        NotificationRequested second = onlyQueued();
        assertEquals(1, second.schedule().attempt());
        assertEquals(start.plusSeconds(30), second.schedule().notBefore());
        assertEquals(DeliveryLedger.State.PENDING, ledger.find(first.key()).orElseThrow().state());

        assertEquals(Kind.DEFERRED, service.handle(second, clock.instant()).kind(), "not before its backoff");
        assertEquals(second, onlyQueued());
        assertEquals(Kind.DUPLICATE, service.handle(first, clock.instant()).kind(),
                "a duplicate of the first attempt does not start a second chain");
        assertEquals(List.of(), queued());

        clock.set(second.schedule().notBefore());
        assertEquals(Kind.RETRY_SCHEDULED, service.handle(second, clock.instant()).kind());
        NotificationRequested third = onlyQueued();
        assertEquals(2, third.schedule().attempt());
        assertEquals(start.plusSeconds(30).plus(Duration.ofMinutes(2)), third.schedule().notBefore());

        clock.set(third.schedule().notBefore());
        DeliveryOutcome done = service.handle(third, clock.instant());
        assertEquals(Kind.DELIVERED, done.kind());
        assertEquals(3, done.attempt());
        assertEquals(List.of(500, 502, 200), receiver.requests(path).stream().map(HttpReceiver.Request::answered)
                .toList());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(2)),
                outbox.delays(), "the retry, the early copy's hop, the second retry");
        assertEquals(Kind.DUPLICATE, service.handle(third, clock.instant()).kind());
        assertEquals(Kind.DUPLICATE, service.handle(second, clock.instant()).kind());
        assertEquals(3, receiver.requests(path).size(), "exactly one successful delivery, after 3 attempts");
        DeliveryLedger.Delivery d = ledger.find(first.key()).orElseThrow();
        assertEquals(3, d.attempts());
        assertEquals(DeliveryLedger.State.DELIVERED, d.state());
        assertTrue(d.lastError().contains("HTTP 502"), d.lastError());
    }

    @Test
    void aReceiverThatAlwaysFailsEndsFailedAfterTheLastAttemptWithTheReason() {
        String path = "/down-" + UUID.randomUUID();
        receiver.answer(503, 503, 503, 503, 503);
        NotificationRequested n = notification(DeliveryChannel.SLACK, receiver.url(path), null);
        List<Duration> backoffs = new ArrayList<>();
        DeliveryOutcome outcome = service.handle(n, clock.instant());
        while (outcome.kind() == Kind.RETRY_SCHEDULED) {
            backoffs.add(outcome.delay());
            n = onlyQueued();
            clock.set(n.schedule().notBefore());
            outcome = service.handle(n, clock.instant());
        }
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(8),
                Duration.ofMinutes(15)), backoffs, "growing, capped at 15 minutes");
        assertEquals(Kind.FAILED_PERMANENTLY, outcome.kind());
        assertEquals(5, outcome.attempt());
        assertTrue(outcome.reason().startsWith("gave up after 5 attempts"), outcome.reason());
        assertTrue(outcome.reason().contains("HTTP 503"), outcome.reason());
        assertEquals(List.of(), queued(), "no further attempt: the worker moves it to the dead-letter queue");
        assertEquals(5, receiver.requests(path).size());
        DeliveryLedger.Delivery d = ledger.find(n.key()).orElseThrow();
        assertEquals(DeliveryLedger.State.FAILED, d.state());
        assertEquals(outcome.reason(), d.lastError());
        assertEquals(5, d.attempts());
    }

    @Test
    void quietHoursDeferUntilNotBeforeInHopsOfAtMostFifteenMinutes() {
        String path = "/quiet-" + UUID.randomUUID();
        Instant morning = clock.instant().plus(Duration.ofMinutes(40));
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), morning);
        List<Duration> hops = new ArrayList<>();
        DeliveryOutcome outcome = service.handle(n, clock.instant());
        while (outcome.kind() == Kind.DEFERRED) {
            hops.add(outcome.delay());
            assertEquals(0, receiver.requests(path).size(), "nothing before " + morning);
            NotificationRequested hop = onlyQueued();
            assertEquals(n, hop, "the same message hops, attempts untouched");
            clock.advance(outcome.delay());
            outcome = service.handle(hop, clock.instant());
        }
        assertEquals(Kind.DELIVERED, outcome.kind());
        assertEquals(morning, clock.instant());
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(10)), hops);
        assertEquals(1, receiver.requests(path).size());
        assertEquals(Long.toString(morning.getEpochSecond()),
                receiver.requests(path).get(0).header("Tierline-Timestamp"));
    }

    @Test
    void anUrgentNotificationGoesAtOnce() {
        String path = "/urgent-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), clock.instant());
        assertEquals(Kind.DELIVERED, service.handle(n, clock.instant()).kind(), "notBefore = now is due");
        assertEquals(1, receiver.requests(path).size());
    }

    @Test
    void theWebhookIsSignedOverTimestampAndRawBody() throws Exception {
        String path = "/signed-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), null);
        n = new NotificationRequested(n.key(), new Occasion(n.occasion().ticketId(), 1, 2, 0),
                new Target("ops-hook", DeliveryChannel.WEBHOOK, n.target().address()),
                new Content(n.content().subject(), n.content().text(),
                        Map.of("event", "ticket.level-reached", "level", "2"), true), Schedule.first(null));
        assertEquals(Kind.DELIVERED, service.handle(n, clock.instant()).kind());
        HttpReceiver.Request r = receiver.requests(path).get(0);
        assertEquals(n.key(), r.header("Tierline-Delivery"));
        assertEquals("1777881600", r.header("Tierline-Timestamp"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));

        // computed here independently of WebhookSignature
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1=" + HexFormat.of().formatHex(
                mac.doFinal(("1777881600." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.header("Tierline-Signature"));

        JsonNode body = Json.parse(r.body());
        assertEquals(n.key(), body.get("id").asText());
        assertEquals("ticket.level-reached", body.get("event").asText());
        assertEquals(n.occasion().ticketId().value(), body.get("ticketId").asText());
        assertEquals(n.content().subject(), body.get("subject").asText());
        assertEquals(n.content().text(), body.get("text").asText());
        assertEquals("2", body.get("details").get("level").asText());
        assertEquals("2026-05-04T08:00:00Z", body.get("sentAt").asText());

        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        String ts = r.header("Tierline-Timestamp");
        String sig = r.header("Tierline-Signature");
        assertTrue(WebhookSignature.verify(secret, ts, sig, r.body(), clock.instant().plusSeconds(299),
                WebhookSignature.DEFAULT_TOLERANCE));
        assertFalse(WebhookSignature.verify(secret, ts, sig, r.body(), clock.instant().plusSeconds(301),
                WebhookSignature.DEFAULT_TOLERANCE), "a replay after 5 minutes is refused");
        assertFalse(WebhookSignature.verify(secret, ts, sig, r.body().replace("level", "levek"), clock.instant(),
                WebhookSignature.DEFAULT_TOLERANCE), "a changed body is refused");
        assertFalse(WebhookSignature.verify(secret, Long.toString(Long.parseLong(ts) + 1), sig, r.body(),
                clock.instant(), WebhookSignature.DEFAULT_TOLERANCE), "a changed timestamp is refused");
    }

    @Test
    void theDefaultWebhookEventIsTicketEscalated() {
        String path = "/default-event-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.WEBHOOK, receiver.url(path), null);
        service.handle(n, clock.instant());
        assertEquals("ticket.escalated", Json.parse(receiver.requests(path).get(0).body()).get("event").asText());
    }

    @Test
    void slackGetsTheIncomingWebhookShapeWithMarkupEscapedAndNoSignature() {
        String path = "/slack-" + UUID.randomUUID();
        NotificationRequested n = notification(DeliveryChannel.SLACK, receiver.url(path), null);
        assertEquals(Kind.DELIVERED, service.handle(n, clock.instant()).kind());
        HttpReceiver.Request r = receiver.requests(path).get(0);
        JsonNode body = Json.parse(r.body());
        assertEquals(1, body.size(), r.body());
        assertEquals("*" + n.content().subject() + "*\nLevel 2: &lt;no answer&gt; for 30 minutes &amp; counting.",
                body.get("text").asText());
        assertNull(r.header("Tierline-Signature"));
    }

    @Test
    void emailIsRecordedInTheOutboxExactlyAsSent() {
        NotificationRequested mail = notification(DeliveryChannel.EMAIL, "petra@example.com", null);
        NotificationRequested customer = notification(DeliveryChannel.CUSTOMER, "ada@example.com", null);
        assertEquals(Kind.DELIVERED, service.handle(mail, clock.instant()).kind());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Kind.DELIVERED, service.handle(customer, clock.instant()).kind());
        assertEquals(Kind.DUPLICATE, service.handle(customer, clock.instant()).kind());

        List<SentEmails.Sent> newest = emails.newest(50).stream()
                .filter(s -> s.email().key().equals(mail.key()) || s.email().key().equals(customer.key())).toList();
        assertEquals(2, newest.size(), "recorded once each");
        SentEmails.Sent latest = newest.get(0);
        assertEquals(new Email(customer.key(), customer.occasion().ticketId().value(), FROM, "ada@example.com",
                customer.content().subject(), customer.content().text()), latest.email(),
                "newest first, exactly what was asked");
        assertEquals(clock.instant(), latest.at());
        assertEquals(new Email(mail.key(), mail.occasion().ticketId().value(), FROM, "petra@example.com",
                mail.content().subject(), mail.content().text()), newest.get(1).email());
        assertTrue(emails.recorded());
    }

    @Test
    void whatCanNeverBeDeliveredFailsAtOnceWithTheReason() {
        String pager = Json.write(notification(DeliveryChannel.WEBHOOK, "https://example.com", null))
                .replace("\"channel\":\"webhook\"", "\"channel\":\"pager\"");
        PoisonMessageException unknown = assertThrows(PoisonMessageException.class, () -> Message.read(pager),
                "a channel nobody delivers on is refused when the message is read: it goes to the dead-letter queue");
        assertEquals("channel", unknown.field());
        assertEquals("'pager' must be one of email, slack, webhook, customer", unknown.problem());
        DeliveryOutcome noAddress = service.handle(notification(DeliveryChannel.EMAIL, "not-an-address",
                null), clock.instant());
        assertEquals(Kind.FAILED_PERMANENTLY, noAddress.kind());
        assertEquals("email: address is not an email address", noAddress.reason());
        NotificationService unsigned = new NotificationService(ledger, NotificationService.standardChannels(emails,
                FROM, HttpDelivery.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), null), outbox,
                RetryPolicy.defaults(5));
        DeliveryOutcome noSecret = unsigned.handle(notification(DeliveryChannel.WEBHOOK,
                receiver.url("/nope"), null), clock.instant());
        assertEquals("TIERLINE_WEBHOOK_SIGNING_SECRET is not set for this function", noSecret.reason());
        assertEquals(List.of(), queued());
    }

    @Test
    void aReplayFromTheDeadLetterQueueTriesOnceMore() {
        String path = "/replay-" + UUID.randomUUID();
        receiver.answer(500);
        NotificationRequested last = new NotificationRequested(UUID.randomUUID() + "/1/1/0/x/webhook",
                new Occasion(TicketId.next(clock), 1, 1, 0),
                new Target("x", DeliveryChannel.WEBHOOK, receiver.url(path)),
                new Content("s", "t", Map.of(), true), new Schedule(null, 4));
        assertEquals(Kind.FAILED_PERMANENTLY, service.handle(last, clock.instant()).kind(), "attempt 5 of 5");
        clock.advance(Duration.ofHours(1)); // the receiver was fixed; the operator replays the dead letter
        assertEquals(Kind.DELIVERED, service.handle(last, clock.instant()).kind());
        assertEquals(Kind.DUPLICATE, service.handle(last, clock.instant()).kind());
        assertEquals(2, receiver.requests(path).size());
    }

    @Test
    void backoffGrowsFourfoldAndIsCappedAtFifteenMinutes() {
        RetryPolicy p = RetryPolicy.defaults(9);
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(8),
                        Duration.ofMinutes(15), Duration.ofMinutes(15)),
                List.of(p.backoffAfter(1), p.backoffAfter(2), p.backoffAfter(3), p.backoffAfter(4),
                        p.backoffAfter(5)));
    }
}
