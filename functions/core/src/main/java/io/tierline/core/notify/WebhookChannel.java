package io.tierline.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.message.NotificationRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A generic webhook: a JSON document about the escalation, signed with HMAC-SHA256 (see {@link WebhookSignature}).
 * {@code Tierline-Delivery} carries the notification key, so a receiver can drop the rare repeat (a sender that
 * died after the receiver accepted but before Tierline recorded it).
 */
public final class WebhookChannel implements NotificationChannel {
    static final String DEFAULT_EVENT = "ticket.escalated";
    private final HttpDelivery http;
    private final byte[] secret;

    /** @param secret TIERLINE_WEBHOOK_SIGNING_SECRET; null fails each webhook permanently, saying so */
    public WebhookChannel(HttpDelivery http, String secret) {
        this.http = http;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void send(NotificationRequested n, Instant now) throws DeliveryFailure {
        if (secret == null) {
            throw DeliveryFailure.permanentFailure("TIERLINE_WEBHOOK_SIGNING_SECRET is not set for this function");
        }
        String body = body(n, now);
        long timestamp = now.getEpochSecond();
        http.postJson(n.target().channel(), n.target().address(), body, Map.of(
                WebhookSignature.DELIVERY_HEADER, n.key(),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body)));
    }

    static String body(NotificationRequested n, Instant now) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", n.key());
        body.put("event", n.content().details().getOrDefault("event", DEFAULT_EVENT));
        body.put("ticketId", n.occasion().ticketId().value());
        body.put("subject", n.content().subject());
        body.put("text", n.content().text());
        body.set("details", Json.MAPPER.valueToTree(n.content().details()));
        body.put("sentAt", now.toString());
        return Json.write(body);
    }
}
