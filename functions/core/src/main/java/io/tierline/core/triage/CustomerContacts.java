package io.tierline.core.triage;

import io.tierline.core.classify.ContactHistory;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A customer's earlier contacts and escalations at the time of a ticket, read from the customer's own tickets (the
 * CustomerIndex / CustomerEmailIndex query behind {@link TicketQueries#customerHistory}, never a scan). Triage and the
 * risk export ({@code bin/train-risk}) count with the same {@link #at} so a model sees at triage what it learned from.
 */
public final class CustomerContacts {

    /** Contacts are counted over the week before the ticket, the window frustration scoring was written for. */
    public static final int WINDOW_DAYS = 7;
    /** The newest tickets read at triage: one page of one index query bounds the cost of a very busy customer. */
    static final int RECENT_TICKETS = 100;

    private final TicketQueries queries;

    public CustomerContacts(TicketQueries queries) {
        this.queries = queries;
    }

    /** Nothing is known about customers: every ticket reads as a first contact. */
    public static CustomerContacts none() {
        return new CustomerContacts(null);
    }

    /** The history of the ticket's customer when it came in, from their most recent tickets. */
    public ContactHistory of(Ticket ticket) {
        if (queries == null || ticket.requester() == null || ticket.requester().email() == null) {
            return ContactHistory.NONE;
        }
        List<Ticket> recent = queries.customerHistory(ticket.requester().historyKey(), null, RECENT_TICKETS).items();
        return at(ticket, recent);
    }

    /**
     * What was known of the customer when {@code ticket} came in: their tickets created before it within
     * {@link #WINDOW_DAYS}, and their tickets created before it that were escalated.
     */
    public static ContactHistory at(Ticket ticket, Collection<Ticket> customerTickets) {
        int contacts = 0;
        int escalations = 0;
        for (Ticket other : customerTickets) {
            if (other.id().equals(ticket.id()) || !other.createdAt().isBefore(ticket.createdAt())) {
                continue;
            }
            if (Duration.between(other.createdAt(), ticket.createdAt()).toDays() < WINDOW_DAYS) {
                contacts++;
            }
            if (escalated(other)) {
                escalations++;
            }
        }
        return new ContactHistory(contacts, WINDOW_DAYS, escalations);
    }

    /**
     * The label a risk model learns: the ticket sits at tier 2 or above, or it was escalated at least once (an
     * escalation that came back down to tier 1 still needed an expert's look).
     */
    public static boolean escalated(Ticket ticket) {
        boolean highTier = ticket.tier() != null && ticket.tier().number() >= Tier.EXPERT.number();
        return highTier || (ticket.clocks().escalation() != null && ticket.clocks().escalation().sequence() > 0);
    }
}
