package io.tierline.core.notify;

import io.tierline.core.message.NotificationRequested;
import java.time.Instant;

/** Email to a person (channel email) or to the ticket's requester (channel customer), as plain text. */
public final class EmailChannel implements NotificationChannel {
    private final EmailSender sender;
    private final String from;

    /** @param from the sender address (TIERLINE_EMAIL_FROM); null fails each email permanently, saying so */
    public EmailChannel(EmailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(NotificationRequested n, Instant now) throws DeliveryFailure {
        if (from == null || from.isBlank()) {
            throw DeliveryFailure.permanentFailure("TIERLINE_EMAIL_FROM is not set for this function");
        }
        if (n.target().address() == null || !n.target().address().contains("@")) {
            throw DeliveryFailure.permanentFailure(n.target().channel().code()
                    + ": address is not an email address");
        }
        sender.send(new Email(n.key(), n.occasion().ticketId().value(), from, n.target().address(),
                n.content().subject(), n.content().text()), now);
    }
}
