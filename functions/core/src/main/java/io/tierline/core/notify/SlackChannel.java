package io.tierline.core.notify;

import io.tierline.core.json.Json;
import io.tierline.core.message.NotificationRequested;
import java.time.Instant;
import java.util.Map;

/**
 * A Slack-compatible incoming webhook: {@code {"text": "*<subject>*\n<text>"}}. Slack reads {@code &}, {@code <} and
 * {@code >} as markup, so they are escaped as Slack documents: ticket text cannot mention channels or forge links.
 */
public final class SlackChannel implements NotificationChannel {
    private final HttpDelivery http;

    public SlackChannel(HttpDelivery http) {
        this.http = http;
    }

    @Override
    public void send(NotificationRequested n, Instant now) throws DeliveryFailure {
        http.postJson(n.target().channel(), n.target().address(), body(n), Map.of());
    }

    public static String body(NotificationRequested n) {
        String subject = n.content().subject();
        String title = subject == null || subject.isBlank() ? "" : "*" + escape(subject) + "*\n";
        return Json.write(Map.of("text", title + escape(n.content().text() == null ? "" : n.content().text())));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
