package io.tierline.api;

import io.tierline.core.escalation.EscalationService;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * What follows an action that was stored: the notifications it recorded (an escalation, a customer's request) go
 * out right away, and whatever the ticket now has due before the next sweep is sent ahead. If either fails, the
 * answer still succeeds: the ticket keeps its fan-out mark and its place in the sweep's index, so the next sweep
 * sends both.
 */
@ApplicationScoped
public class AfterAction {
    private static final Logger LOG = Logger.getLogger(AfterAction.class);

    @Inject
    EscalationService escalations;
    @Inject
    SweepService sweep;
    @Inject
    Clock clock;

    public void follow(TicketHistory history) {
        Ticket ticket = history.ticket();
        try {
            if (ticket.escalation() != null && ticket.escalation().fanOut() != null) {
                escalations.publish(ticket.id());
                // sent and cleared: announcing the mark too would only send the worker a message with nothing due
                ticket = ticket.withEscalation(ticket.escalation().withFanOut(null));
            }
            sweep.announce(ticket, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf(e, "ticket %s: notifications or due steps not sent now; the sweep will send them", ticket.id());
        }
    }
}
