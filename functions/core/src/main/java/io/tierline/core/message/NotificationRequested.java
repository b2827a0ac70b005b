package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.Nulls;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.Map;

/**
 * One notification to one recipient on one channel, put on the notify queue by the escalation engine (one message
 * per recipient and channel). Its content is final: the notify worker only delivers it, at most once per
 * {@link #key()}, not before {@link Schedule#notBefore()} (the recipient's quiet hours), retrying a failing channel
 * with backoff and ending in the dead-letter queue with the reason. One flat JSON object on the wire: the parts are
 * written inline.
 *
 * @param key      "ticket/escalation/level/repeat/recipient/channel": the same key is delivered once, however often
 *                 the message arrives
 * @param occasion which escalation step of which ticket it tells of
 * @param target   who gets it, how and where
 * @param content  what it says
 * @param schedule when it may go and how often it was tried
 */
public record NotificationRequested(String key, @JsonUnwrapped Occasion occasion, @JsonUnwrapped Target target,
                                    @JsonUnwrapped Content content, @JsonUnwrapped Schedule schedule)
        implements Message {

    /**
     * @param escalation the escalation's sequence number on the ticket (1, 2, ...)
     * @param level      the policy level that escalated (0 for a manual or customer-requested escalation)
     * @param repeat     0 for the level's first notification, 1..K for its reminders
     */
    public record Occasion(TicketId ticketId, int escalation, int level, int repeat) {
    }

    /**
     * @param recipient a person's id from the directory, or "customer" for the requester
     * @param address   an email address (email, customer) or an https URL (slack, webhook)
     */
    public record Target(String recipient, DeliveryChannel channel, String address) {
        /** The ticket's requester, by email. */
        public static Target customer(String email) {
            return new Target(CUSTOMER, DeliveryChannel.CUSTOMER, email);
        }
    }

    /**
     * @param subject the email subject; Slack and webhooks show it as the title
     * @param text    the plain-text body; ticket text inside it is untrusted and must be escaped by any HTML renderer
     * @param details structured facts for the signed webhook's JSON (event, ticketId, kind, reason, from, to, ...)
     * @param urgent  urgent notifications ignore quiet hours
     */
    public record Content(@JsonSetter(nulls = Nulls.SET) String subject, @JsonSetter(nulls = Nulls.SET) String text,
                          @JsonSetter(nulls = Nulls.SET) Map<String, String> details, boolean urgent) {
        public Content {
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }

    /**
     * @param notBefore deliver at or after this instant (the end of the recipient's quiet hours); null means now
     * @param attempt   delivery attempts already made (0 on the first message)
     */
    public record Schedule(@JsonSetter(nulls = Nulls.SET) Instant notBefore, int attempt) {
        /** A first attempt, now or at {@code notBefore}. */
        public static Schedule first(Instant notBefore) {
            return new Schedule(notBefore, 0);
        }
    }

    /** The recipient code of the ticket's requester. */
    public static final String CUSTOMER = "customer";

    /** A notification keyed by its occasion and target, so the same one is delivered once. */
    public static NotificationRequested of(Occasion occasion, Target target, Content content, Schedule schedule) {
        return new NotificationRequested(keyOf(occasion, target), occasion, target, content, schedule);
    }

    public static String keyOf(Occasion o, Target t) {
        return o.ticketId().value() + "/" + o.escalation() + "/" + o.level() + "/" + o.repeat() + "/"
                + t.recipient() + "/" + t.channel().code();
    }

    /** The same notification for its next delivery attempt, not before {@code when}. */
    public NotificationRequested retry(Instant when) {
        return new NotificationRequested(key, occasion, target, content, new Schedule(when, schedule.attempt() + 1));
    }
}
