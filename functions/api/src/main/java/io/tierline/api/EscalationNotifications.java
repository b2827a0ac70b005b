package io.tierline.api;

import io.tierline.core.escalation.EscalationService;
import io.tierline.core.ticket.TicketHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sends the notifications an action recorded (an escalation, a customer's request) right away. If sending fails,
 * the answer still succeeds: the ticket keeps its fan-out mark, which the next sweep finds and sends.
 */
@ApplicationScoped
public class EscalationNotifications {
    private static final Logger LOG = Logger.getLogger(EscalationNotifications.class);

    @Inject
    EscalationService escalations;

    public void send(TicketHistory history) {
        if (history.ticket().escalation() == null || history.ticket().escalation().fanOut() == null) {
            return;
        }
        try {
            escalations.publish(history.ticket().id());
        } catch (RuntimeException e) {
            LOG.warnf(e, "ticket %s: notifications not sent now; the sweep will send them", history.ticket().id());
        }
    }
}
