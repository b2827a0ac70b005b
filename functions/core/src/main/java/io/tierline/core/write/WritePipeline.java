package io.tierline.core.write;

import io.tierline.core.escalation.EscalationPolicies;
import io.tierline.core.escalation.FanOut;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketStore;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one after-write step ({@link AfterWrite}) of every write path: first the escalation fan-out the write marked
 * (the notifications are read back from the trail, sent, then the mark is cleared), then what the ticket has due
 * within the sweep's window, sent ahead delayed to its second ({@link SweepService#announce}).
 *
 * <p>The mark is cleared only after the messages are sent, so a crash in between is repaired by the next sweep (the
 * mark is due at once), and a repeated send produces the same keys, which the notify worker delivers once.
 */
public class WritePipeline implements AfterWrite {
    private static final System.Logger LOG = System.getLogger(WritePipeline.class.getName());
    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final Outbox outbox;
    private final Supplier<EscalationPolicies> policies;
    private final SweepService sweep;
    private final Clock clock;

    public WritePipeline(TicketStore store, Outbox outbox, Supplier<EscalationPolicies> policies, SweepService sweep,
                         Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.policies = policies;
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public Sent written(Ticket ticket) {
        int notifications = 0;
        try {
            Ticket due = ticket;
            if (hasFanOut(ticket)) {
                notifications = publish(ticket.id());
                // sent and cleared: announcing the mark too would only send the worker a message with nothing due
                due = ticket.withEscalation(ticket.escalation().withFanOut(null));
            }
            Sent sent = new Sent(notifications, sweep.announce(due, clock.instant()));
            if (!sent.equals(Sent.NONE)) {
                LOG.log(Level.INFO, "ticket {0}: {1} notification(s) sent, {2} step(s) due within the sweep window "
                        + "sent ahead", ticket.id(), sent.notifications(), sent.sentAhead());
            }
            return sent;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ticket " + ticket.id() + ": notifications or due steps not sent now; the sweep "
                    + "will send them", e);
            return new Sent(notifications, 0);
        }
    }

    static boolean hasFanOut(Ticket ticket) {
        return ticket.escalation() != null && ticket.escalation().fanOut() != null;
    }

    /**
     * Sends the ticket's pending notifications, if any, then clears the mark.
     *
     * @return how many notifications were sent
     */
    int publish(TicketId id) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty() || !hasFanOut(found.get().ticket())) {
                return 0;
            }
            Ticket ticket = found.get().ticket();
            List<NotificationRequested> notifications = FanOut.pending(ticket, found.get().events(),
                    policies.get().directory(), policies.get(), clock.instant());
            if (!notifications.isEmpty()) {
                outbox.publishDelayed(notifications.stream().map(n -> new Outbox.Delayed(n, Duration.ZERO)).toList());
            }
            try {
                store.apply(new TicketChange(ticket, ticket.withEscalation(ticket.escalation().withFanOut(null)),
                        List.of()));
                return notifications.size();
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced; // sent already; the mark stays and the next sweep sends the same keys again
                }
            }
        }
    }
}
