package io.tierline.core.notify;

import java.time.Instant;

/** Sends email: through Amazon SES in AWS, into the table's outbox locally. */
public interface EmailSender {
    void send(Email email, Instant now) throws DeliveryFailure;
}
