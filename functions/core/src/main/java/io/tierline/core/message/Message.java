package io.tierline.core.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A message between Tierline's functions. The "type" property names the record on the wire. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = TicketCreated.class, name = "TicketCreated"),
        @JsonSubTypes.Type(value = DeadlineDue.class, name = "DeadlineDue"),
        @JsonSubTypes.Type(value = EscalationDue.class, name = "EscalationDue"),
        @JsonSubTypes.Type(value = NotificationRequested.class, name = "NotificationRequested"),
        @JsonSubTypes.Type(value = FollowUpDue.class, name = "FollowUpDue")})
public sealed interface Message permits TicketCreated, DeadlineDue, EscalationDue, NotificationRequested,
        FollowUpDue {

    /**
     * A message's body as a queue delivers it, checked whole: every required field present and of its type.
     *
     * @throws PoisonMessageException naming the field, when no delivery of this body could ever succeed
     */
    static Message read(String body) {
        return MessageReader.read(body);
    }
}
