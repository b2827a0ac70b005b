package io.tierline.workers;

import io.tierline.core.port.TicketStore;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.TicketId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * After a worker writes a ticket, sends what the ticket now has due within the sweep's window itself: the sweeps
 * that already ran did not see it, and the next may come after it is due. A failure here is only logged: the
 * next sweeps still send it, at worst a minute late.
 */
@ApplicationScoped
public class DueSoon {
    private static final Logger LOG = Logger.getLogger(DueSoon.class);

    @Inject
    TicketStore store;
    @Inject
    SweepService sweep;
    @Inject
    Clock clock;

    public void announce(TicketId id) {
        try {
            store.find(id).ifPresent(ticket -> {
                int sent = sweep.announce(ticket, clock.instant());
                if (sent > 0) {
                    LOG.infof("ticket %s: %d step(s) due within the sweep window sent ahead", id, sent);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "ticket %s: what falls due soon was not sent ahead; the sweep will send it", id);
        }
    }
}
