package io.tierline.api;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.notify.SentEmails;
import io.tierline.core.port.Page;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emails the notify worker recorded instead of sending (TIERLINE_EMAIL_DELIVERY=outbox, as in the local
 * runner), newest first and paged with a cursor like every list, for supervisors and admins. Where email really
 * goes out through SES, the list is empty and says why.
 */
@Singleton
@Path("/outbox/emails")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
    static final String SES_NOTE = "Email is sent through Amazon SES (TIERLINE_EMAIL_DELIVERY=ses) and is not kept;"
            + " the outbox lists email only where TIERLINE_EMAIL_DELIVERY=outbox, as in the local runner.";

    public record EmailView(String key, String ticketId, String from, String to, String subject, String text,
                            String at) {
        static EmailView of(SentEmails.Sent sent) {
            var e = sent.email();
            return new EmailView(e.key(), e.ticketId(), e.from(), e.to(), e.subject(), e.text(), sent.at().toString());
        }
    }

    /**
     * @param note       why the list is empty (SES mode); null in outbox mode
     * @param nextCursor the next page's cursor; null on the last page
     */
    public record Emails(String delivery, List<EmailView> items, String note, String nextCursor) {
    }

    @Inject
    Caller caller;
    @Inject
    SentEmails emails;
    @Inject
    TicketStore tickets;

    /**
     * A supervisor sees the emails of their teams' tickets, as they see those tickets; an admin sees all. A page
     * keeps its cursor, so a supervisor's page may hold fewer than {@code limit} emails.
     */
    @GET
    public Emails list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("25") String limit) {
        Principal who = caller.atLeast(Role.SUPERVISOR);
        List<FieldError> errors = new ArrayList<>();
        int size = QueueResource.limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!emails.recorded()) {
            return new Emails("ses", List.of(), SES_NOTE, null);
        }
        Page<SentEmails.Sent> page = emails.newest(cursor, size);
        // an escalation mails several people about one ticket: each ticket of the page is read once
        Map<String, Boolean> visible = new HashMap<>();
        return new Emails("outbox", page.items().stream()
                .filter(sent -> who.role() == Role.ADMIN || sent.email().ticketId() != null
                        && visible.computeIfAbsent(sent.email().ticketId(), id -> worksOn(who, id)))
                .map(EmailView::of).toList(), null, page.nextCursor());
    }

    private boolean worksOn(Principal who, String ticketId) {
        return TicketId.isValid(ticketId) && tickets.find(new TicketId(ticketId)).map(who::worksOn).orElse(false);
    }
}
