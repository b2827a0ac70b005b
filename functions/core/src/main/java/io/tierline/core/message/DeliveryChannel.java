package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tierline.core.ticket.Codes;

/** How a notification is delivered; on the wire by its code ({@code email}, {@code slack}, ...). */
public enum DeliveryChannel {
    EMAIL,
    SLACK,
    WEBHOOK,
    /** An email to the ticket's requester, telling them honestly what happened and when to expect an answer. */
    CUSTOMER;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    /**
     * The channel of a wire code. A message naming another channel can never be delivered: the message reader refuses
     * it with these words, naming the field it was read from.
     */
    @JsonCreator
    public static DeliveryChannel of(String code) {
        try {
            return Codes.parse(DeliveryChannel.class, code);
        } catch (IllegalArgumentException e) {
            // without a cause: Jackson reports the root cause's words, which would leave out the refused code
            throw new IllegalArgumentException("'" + code + "' " + e.getMessage());
        }
    }
}
