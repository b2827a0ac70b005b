package io.tierline.core.notify;

import io.tierline.core.message.NotificationRequested;
import java.time.Instant;

/** One way of delivering a notification (email, Slack, webhook), chosen by the message's channel. */
public interface NotificationChannel {
    /** Delivers it, or throws; returning means the receiver accepted it. */
    void send(NotificationRequested notification, Instant now) throws DeliveryFailure;
}
