package io.tierline.core.escalation;

import io.tierline.core.message.NotificationRequested;
import io.tierline.core.ticket.AuditEvent;
import io.tierline.core.ticket.Change;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifications of a recorded escalation step, one per recipient and channel, read back from the trail (the
 * escalation event names who is notified; the customer update holds the customer's message). Reading them from
 * the trail makes a repeated fan-out produce the same keys, which the notify worker delivers once.
 */
public final class FanOut {
    private FanOut() {
    }

    /** The notifications of the ticket's pending fan-out ({@link EscalationState#fanOut()}), as of {@code now}. */
    public static List<NotificationRequested> pending(Ticket ticket, List<AuditEvent> trail, Directory directory,
                                                      EscalationPolicies policies, Instant now) {
        EscalationState state = ticket.escalation();
        if (state == null || state.fanOut() == null) {
            return List.of();
        }
        String[] parts = state.fanOut().split("/");
        int sequence = Integer.parseInt(parts[0]);
        int level = Integer.parseInt(parts[1]);
        int repeat = Integer.parseInt(parts[2]);
        Optional<AuditEvent> step = trail.stream().filter(e -> repeat == 0
                        ? e.type() == AuditEvent.EventType.ESCALATED
                        : e.type() == AuditEvent.EventType.ESCALATION_REMINDER && repeat == reminder(e))
                .filter(e -> sequence == sequence(e)).reduce((a, b) -> b);
        if (step.isEmpty()) {
            return List.of();
        }
        boolean urgent = ticket.priority() == Priority.URGENT || policies.named(String.valueOf(state.policy()))
                .flatMap(p -> p.level(level)).map(EscalationLevel::urgent).orElse(false);
        String id = ticket.id().value();
        String title = (repeat > 0 ? "Reminder " + repeat + ": " : "") + "Ticket " + id + " escalated"
                + (level > 0 ? " (level " + level + ")" : "") + ": " + ticket.subject();
        String text = body(ticket, step.get(), repeat);
        Map<String, String> details = details(ticket, step.get(), sequence, level, repeat);
        List<NotificationRequested> out = new ArrayList<>();
        for (String recipient : value(step.get(), Ticket.NOTIFIED).map(v -> v.split(",")).orElse(new String[0])) {
            if (recipient.startsWith("team:")) {
                String team = recipient.substring(5);
                directory.team(team).map(TeamContacts::slackWebhook).ifPresent(url -> out.add(new NotificationRequested(
                        NotificationRequested.keyOf(id, sequence, level, repeat, recipient,
                                NotificationRequested.SLACK), id, sequence, level, repeat, recipient,
                        NotificationRequested.SLACK, url, title, text, details, urgent, null, 0)));
                continue;
            }
            Optional<Person> person = directory.person(recipient.substring("person:".length()));
            if (person.isEmpty()) {
                continue;
            }
            Person p = person.get();
            Instant notBefore = urgent || p.workingHours() == null || p.workingHours().isOpen(now) ? null
                    : p.workingHours().nextOpening(now);
            addChannel(out, id, sequence, level, repeat, recipient, NotificationRequested.EMAIL, p.email(), title,
                    text, details, urgent, notBefore);
            addChannel(out, id, sequence, level, repeat, recipient, NotificationRequested.SLACK, p.slackWebhook(),
                    title, text, details, urgent, notBefore);
            addChannel(out, id, sequence, level, repeat, recipient, NotificationRequested.WEBHOOK, p.webhook(),
                    title, text, details, urgent, notBefore);
        }
        if (repeat == 0) {
            trail.stream().filter(e -> e.type() == AuditEvent.EventType.CUSTOMER_UPDATED && sequence(e) == sequence)
                    .findFirst().ifPresent(update -> out.add(new NotificationRequested(
                            NotificationRequested.keyOf(id, sequence, level, 0, "customer",
                                    NotificationRequested.CUSTOMER), id, sequence, level, 0, "customer",
                            NotificationRequested.CUSTOMER, ticket.requester().email(),
                            "Update on your request " + id + ": " + ticket.subject(), update.body(), details, true,
                            null, 0)));
        }
        return out;
    }

    private static void addChannel(List<NotificationRequested> out, String id, int sequence, int level, int repeat,
                                   String recipient, String channel, String address, String title, String text,
                                   Map<String, String> details, boolean urgent, Instant notBefore) {
        if (address != null) {
            out.add(new NotificationRequested(NotificationRequested.keyOf(id, sequence, level, repeat,
                    recipient.substring("person:".length()), channel), id, sequence, level, repeat,
                    recipient.substring("person:".length()), channel, address, title, text, details, urgent,
                    notBefore, 0));
        }
    }

    private static String body(Ticket ticket, AuditEvent step, int repeat) {
        StringBuilder text = new StringBuilder();
        text.append("Ticket ").append(ticket.id().value()).append(" (").append(ticket.priority() == null ? "-"
                : ticket.priority().code()).append(" priority) ").append(repeat > 0 ? "is still not acknowledged"
                : "was escalated").append(".\n");
        text.append("Subject: ").append(ticket.subject()).append('\n');
        text.append("Why: ").append(step.reason() == null ? "-" : step.reason()).append('\n');
        text.append("Now with: team ").append(ticket.team()).append(", tier ").append(ticket.tier() == null ? "-"
                : ticket.tier().number()).append(ticket.assignee() == null ? ", unassigned" : ", assigned to "
                + ticket.assignee()).append('\n');
        if (step.body() != null) {
            text.append("Comment: ").append(step.body()).append('\n');
        }
        text.append("Decided by: ").append(step.actor().kind().name().toLowerCase()).append(' ')
                .append(step.actor().id()).append(" at ").append(step.at()).append('\n');
        text.append("Acknowledge it on the ticket page to stop further escalation.");
        return text.toString();
    }

    private static Map<String, String> details(Ticket ticket, AuditEvent step, int sequence, int level, int repeat) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("event", repeat > 0 ? "ticket.escalation_reminder" : "ticket.escalated");
        details.put("ticketId", ticket.id().value());
        details.put("sequence", Integer.toString(sequence));
        details.put("level", Integer.toString(level));
        details.put("repeat", Integer.toString(repeat));
        value(step, "escalationKind").ifPresent(v -> details.put("kind", v));
        value(step, "escalationReason").ifPresent(v -> details.put("reason", v));
        details.put("team", String.valueOf(ticket.team()));
        details.put("tier", ticket.tier() == null ? "" : Integer.toString(ticket.tier().number()));
        details.put("priority", ticket.priority() == null ? "" : ticket.priority().code());
        details.put("at", step.at().toString());
        return details;
    }

    static int sequence(AuditEvent e) {
        return value(e, Ticket.ESCALATION_SEQUENCE).map(Integer::parseInt).orElse(-1);
    }

    private static int reminder(AuditEvent e) {
        return value(e, "reminder").map(Integer::parseInt).orElse(-1);
    }

    static Optional<String> value(AuditEvent e, String field) {
        return e.changes().stream().filter(c -> c.field().equals(field)).map(Change::to).findFirst();
    }
}
