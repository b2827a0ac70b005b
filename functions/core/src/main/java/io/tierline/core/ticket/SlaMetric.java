package io.tierline.core.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Status;
import java.util.EnumSet;
import java.util.Set;

/** What an SLA promises. Each policy may set any of them. */
public enum SlaMetric {
    /** From creation to the first public agent reply. */
    FIRST_RESPONSE("firstResponse", EnumSet.noneOf(Status.class)),
    /** From a customer's reply (after an agent has answered once) to the next public agent reply. */
    NEXT_RESPONSE("nextResponse", EnumSet.of(Status.PENDING)),
    /** From each public agent update to the next one: the customer is kept informed. */
    PERIODIC_UPDATE("periodicUpdate", EnumSet.of(Status.PENDING)),
    /** From creation to solved, resumed when the ticket is reopened. */
    RESOLUTION("resolution", EnumSet.of(Status.PENDING));

    private final String key;
    private final EnumSet<Status> defaultPausedIn;

    SlaMetric(String key, EnumSet<Status> defaultPausedIn) {
        this.key = key;
        this.defaultPausedIn = defaultPausedIn;
    }

    /** The metric's field name in the policy document. */
    public String key() {
        return key;
    }

    /** Pending pauses whatever the customer must act on; a first response is owed whatever the status. */
    public Set<Status> defaultPausedIn() {
        return EnumSet.copyOf(defaultPausedIn);
    }

    /** The metric's code, also its JSON form (in the DeadlineDue message): {@code first-response}. */
    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static SlaMetric ofCode(String code) {
        return Codes.parse(SlaMetric.class, code);
    }
}
