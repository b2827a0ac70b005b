package io.tierline.core.sweep;

import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.Ticket;
import java.util.ArrayList;
import io.tierline.core.port.DueDeadlines;
import io.tierline.core.port.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SLA sweep: every minute, read only the deadlines due within the next window and put each on the escalation
 * queue delayed to its own second. The window is longer than the schedule's period, so consecutive sweeps overlap
 * and nothing falls between them; a deadline sent twice is fired once, because the escalation worker acts only while
 * the ticket still has that deadline.
 *
 * <p>The same read repairs tickets whose TicketCreated was lost (the process died between the ticket's write and the
 * publish): a ticket still new past its triage-by instant has its TicketCreated sent to triage again. Triage ignores a
 * ticket it already opened, and opening it replaces the triage-by entry with its first SLA deadline.
 */
public class SweepService {
    /**
     * Waiting tickets the sweep offers again per run (RoutingService.offerWaiting, called beside the sweep because
     * automatic assignment writes through the pipeline that uses this service): a safety net bounded so a long
     * queue never turns into a storm of reads each minute.
     */
    public static final int WAITING_PER_SWEEP = 20;

    /**
     * What one sweep did: deadlines and escalation steps sent, tickets sent to triage again, items read, DynamoDB and
     * SQS requests.
     */
    public record Report(Instant now, int sent, int republished, int itemsRead, int dynamoRequests,
                         int sqsRequests) {
    }

    private final DueDeadlines deadlines;
    private final Outbox outbox;
    private final Duration window;

    public SweepService(DueDeadlines deadlines, Outbox outbox, Duration window) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.window = window;
    }

    public Report sweep(Instant now) {
        DueDeadlines.Read read = deadlines.dueBy(now.plus(window));
        List<Outbox.Delayed> messages = messages(read.due(), now);
        List<Outbox.Delayed> repairs = untriaged(read.due(), now);
        // one request carries messages for one queue: escalation work and triage repairs go separately
        int sqsRequests = (messages.isEmpty() ? 0 : outbox.publishDelayed(messages))
                + (repairs.isEmpty() ? 0 : outbox.publishDelayed(repairs));
        return new Report(now, messages.size(), repairs.size(), read.itemsRead(), read.requests(), sqsRequests);
    }

    /**
     * For a ticket just written whose next work falls due before the next sweeps would send it (a breach a minute
     * after its warning, a level a minute after the last): sends it now, delayed to its second. The sweeps that
     * follow send it again; the worker acts once.
     *
     * @return how many messages were sent
     */
    public int announce(Ticket written, Instant now) {
        List<Outbox.Delayed> messages = messages(List.of(DueDeadlines.Due.of(written)), now);
        if (!messages.isEmpty()) {
            outbox.publishDelayed(messages);
        }
        return messages.size();
    }

    /**
     * TicketCreated again for each ticket still new once its triage-by instant has passed. Only what is overdue, not
     * the whole window: a ticket created seconds ago is being triaged now, and repairing it would only add a message.
     */
    private static List<Outbox.Delayed> untriaged(List<DueDeadlines.Due> due, Instant now) {
        return due.stream().filter(d -> d.triageAt() != null && !d.triageAt().isAfter(now))
                .map(d -> new Outbox.Delayed(new TicketCreated(d.ticketId(), now), Duration.ZERO))
                .toList();
    }

    /**
     * The messages for what is due within the window: SLA deadlines, escalation steps and follow-ups, each delayed to
     * its time.
     */
    private List<Outbox.Delayed> messages(List<DueDeadlines.Due> due, Instant now) {
        Instant until = now.plus(window);
        List<Outbox.Delayed> messages = new ArrayList<>();
        for (DueDeadlines.Due d : due) {
            if (d.deadline() != null && !d.deadline().at().isAfter(until)) {
                messages.add(new Outbox.Delayed(new DeadlineDue(d.ticketId(), DeadlineKey.of(d.deadline()),
                        d.deadline().at()), Duration.between(now, d.deadline().at())));
            }
            if (d.escalationAt() != null && !d.escalationAt().isAfter(until)) {
                messages.add(new Outbox.Delayed(new EscalationDue(d.ticketId(), d.escalationAt()),
                        Duration.between(now, d.escalationAt())));
            }
            if (d.followUpAt() != null && !d.followUpAt().isAfter(until)) {
                messages.add(new Outbox.Delayed(new FollowUpDue(d.ticketId(), d.followUpAt()),
                        Duration.between(now, d.followUpAt())));
            }
        }
        return messages;
    }
}
