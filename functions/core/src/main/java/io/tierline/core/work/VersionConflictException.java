package io.tierline.core.work;

import io.tierline.core.ticket.TicketId;

/** The caller's view of the ticket is out of date: someone else changed it first. Carries the current version. */
public class VersionConflictException extends RuntimeException {
    private final long currentVersion;

    public VersionConflictException(TicketId id, long currentVersion) {
        super("ticket " + id + " has changed; it is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
