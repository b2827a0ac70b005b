package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.Map;

/**
 * One notification to one recipient on one channel, put on the notify queue by the escalation engine (one message
 * per recipient and channel). Its content is final: the notify worker only delivers it, at most once per
 * {@link #key()}, not before {@link #notBefore()} (the recipient's quiet hours), retrying a failing channel with
 * backoff and ending in the dead-letter queue with the reason.
 *
 * @param key        "ticket/escalation/level/repeat/recipient/channel": the same key is delivered once, however often
 *                   the message arrives
 * @param escalation the escalation's sequence number on the ticket (1, 2, ...)
 * @param level      the policy level that escalated (0 for a manual or customer-requested escalation)
 * @param repeat     0 for the level's first notification, 1..K for its reminders
 * @param recipient  a person's id from the directory, or "customer" for the requester
 * @param channel    how to deliver: {@link #EMAIL}, {@link #SLACK}, {@link #WEBHOOK} or {@link #CUSTOMER}
 * @param address    an email address (email, customer) or an https URL (slack, webhook)
 * @param subject    the email subject; Slack and webhooks show it as the title
 * @param text       the plain-text body; ticket text inside it is untrusted and must be escaped by any HTML renderer
 * @param details    structured facts for the signed webhook's JSON (event, ticketId, kind, reason, from, to, ...)
 * @param urgent     urgent notifications ignore quiet hours
 * @param notBefore  deliver at or after this instant (the end of the recipient's quiet hours); null means now
 * @param attempt    delivery attempts already made (0 on the first message)
 */
public record NotificationRequested(String key, String ticketId, int escalation, int level, int repeat,
                                    String recipient, String channel, String address,
                                    @JsonSetter(nulls = Nulls.SET) String subject,
                                    @JsonSetter(nulls = Nulls.SET) String text,
                                    @JsonSetter(nulls = Nulls.SET) Map<String, String> details, boolean urgent,
                                    @JsonSetter(nulls = Nulls.SET) Instant notBefore, int attempt)
        implements Message {
    public static final String EMAIL = "email";
    public static final String SLACK = "slack";
    public static final String WEBHOOK = "webhook";
    /** An email to the ticket's requester, telling them honestly what happened and when to expect an answer. */
    public static final String CUSTOMER = "customer";

    public NotificationRequested {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static String keyOf(String ticketId, int escalation, int level, int repeat, String recipient,
                               String channel) {
        return ticketId + "/" + escalation + "/" + level + "/" + repeat + "/" + recipient + "/" + channel;
    }

    /** The same notification for its next delivery attempt, not before {@code when}. */
    public NotificationRequested retry(Instant when) {
        return new NotificationRequested(key, ticketId, escalation, level, repeat, recipient, channel, address,
                subject, text, details, urgent, when, attempt + 1);
    }
}
