package io.tierline.core.routing;

import io.tierline.core.ticket.Codes;

/** What a person set on the dashboard: only the available are given tickets; away or offline, theirs are re-offered. */
public enum Availability {
    AVAILABLE, AWAY, OFFLINE;

    public String code() {
        return Codes.of(this);
    }

    public static Availability fromCode(String code) {
        return Codes.parse(Availability.class, code);
    }
}
