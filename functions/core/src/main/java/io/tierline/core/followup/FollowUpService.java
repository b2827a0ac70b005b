package io.tierline.core.followup;

import io.tierline.core.access.CustomerTokens;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a follow-up the sweep found due: only if the ticket still has exactly that follow-up due (it may have been
 * reopened or closed since), it records {@link TicketEvent.FollowUpRequested} in one conditional write, which clears
 * the follow-up, and hands the customer's email to the notify queue. The email's key names the resolution, so a
 * repeated message (SQS, or a retry after the publish failed) sends it again with the same key, which the notify
 * worker delivers once.
 */
public class FollowUpService {
    public enum Outcome { SENT, SENT_BEFORE, STALE, TICKET_MISSING }

    private static final Actor FOLLOW_UP = Actor.system("follow-up");
    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final ClockKeeper keeper;
    private final CustomerTokens tokens;
    private final Outbox outbox;
    private final Clock clock;
    private final AfterWrite after;

    public FollowUpService(TicketStore store, ClockKeeper keeper, CustomerTokens tokens, Outbox outbox, Clock clock,
                           AfterWrite after) {
        this.store = store;
        this.keeper = keeper;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
        this.after = after;
    }

    public Outcome fire(FollowUpDue due) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(due.ticketId());
            if (found.isEmpty()) {
                return Outcome.TICKET_MISSING;
            }
            Ticket ticket = found.get().ticket();
            List<TicketEvent> trail = found.get().events();
            Optional<TicketEvent.Resolved> resolution = FollowUps.lastResolution(trail);
            if (resolution.isEmpty()) {
                return Outcome.STALE;
            }
            Optional<TicketEvent.FollowUpRequested> sent = FollowUps.requested(trail, resolution.get().version());
            if (sent.isPresent()) {
                if (!sent.get().dueAt().equals(due.at())) {
                    return Outcome.STALE;
                }
                // recorded by an earlier delivery whose publish may have failed: the same key again, delivered once
                outbox.publish(email(ticket, resolution.get(), sent.get()));
                return Outcome.SENT_BEFORE;
            }
            if (!due.at().equals(ticket.followUpDueAt())) {
                return Outcome.STALE;
            }
            TicketChange change = keeper.track(ticket.requestFollowUp(resolution.get().version(), due.at(),
                    FOLLOW_UP, clock.instant()), trail);
            try {
                store.apply(change);
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                continue;
            }
            after.written(change.after());
            outbox.publish(email(change.after(), resolution.get(),
                    (TicketEvent.FollowUpRequested) change.events().get(0)));
            return Outcome.SENT;
        }
    }

    /** The customer's email: did it stay solved, and a rating if they gave none, both on their status page. */
    NotificationRequested email(Ticket ticket, TicketEvent.Resolved resolved,
                                TicketEvent.FollowUpRequested sent) {
        String id = ticket.id().value();
        NotificationRequested.Target customer = NotificationRequested.Target.customer(ticket.requester().email());
        // one follow-up per resolution, not per escalation: its own key
        String key = id + "/follow-up/" + sent.resolution() + "/" + customer.recipient() + "/"
                + customer.channel().code();
        StringBuilder text = new StringBuilder()
                .append("Your request ").append(id).append(" (").append(ticket.subject()).append(") was solved ")
                .append(days(Duration.between(resolved.at(), sent.at()))).append(".\n")
                .append("Did the problem stay solved? Tell us on your status page: ")
                .append(tokens.statusPath(ticket)).append("\n")
                .append("If it came back, answer \"not solved\" and the ticket is reopened with the same team.");
        if (ticket.satisfaction() == null) {
            text.append("\nYou can also rate how we handled it, from 1 to 5.");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("event", "ticket.follow_up");
        details.put("ticketId", id);
        details.put("resolution", Long.toString(sent.resolution()));
        details.put("at", sent.at().toString());
        return new NotificationRequested(key, new NotificationRequested.Occasion(ticket.id(), 0, 0, 0), customer,
                new NotificationRequested.Content("Is your request " + id + " still solved? " + ticket.subject(),
                        text.toString(), details, false), NotificationRequested.Schedule.first(null));
    }

    private static String days(Duration since) {
        long days = since.toDays();
        long hours = since.toHours();
        return days >= 1 ? days + (days == 1 ? " day ago" : " days ago")
                : hours >= 1 ? hours + (hours == 1 ? " hour ago" : " hours ago") : "recently";
    }
}
