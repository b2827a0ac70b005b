package io.tierline.core.port;

import io.tierline.core.ticket.Ticket;

/**
 * What follows every stored write of a ticket, whichever path wrote it (an agent's or a customer's action, a merge,
 * intake, triage, a fired deadline, an escalation step): the notifications the write recorded go out, and whatever
 * the ticket now has due before the next sweep is sent ahead. Services call it after their commit; adapters never
 * do it themselves.
 *
 * <p>It never fails the write it follows: what it cannot do now stays marked on the stored ticket (the fan-out mark,
 * the DueIndex entry), so the next sweep does it.
 */
public interface AfterWrite {
    /** Nothing follows: for services used where no queue exists (dry runs, tests of one service). */
    AfterWrite NOTHING = ticket -> Sent.NONE;

    /**
     * @param ticket the ticket as it was written
     * @return what was sent
     */
    Sent written(Ticket ticket);

    /**
     * @param notifications notifications handed to the notify queue
     * @param sentAhead     deadlines and escalation steps put on the escalation queue before the sweep would
     */
    record Sent(int notifications, int sentAhead) {
        public static final Sent NONE = new Sent(0, 0);
    }
}
