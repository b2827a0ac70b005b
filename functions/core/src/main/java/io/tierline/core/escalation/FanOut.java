package io.tierline.core.escalation;

import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.message.NotificationRequested.Schedule;
import io.tierline.core.message.NotificationRequested.Target;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.FanOutMark;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketEvent;
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
    public static List<NotificationRequested> pending(Ticket ticket, List<TicketEvent> trail, Directory directory,
                                                      EscalationPolicies policies, Instant now) {
        EscalationState state = ticket.escalation();
        if (state == null || state.fanOut() == null) {
            return List.of();
        }
        FanOutMark mark = state.fanOut();
        int sequence = mark.sequence();
        int level = mark.level();
        int repeat = mark.repeat();
        Optional<Notifying> step = trail.stream().map(FanOut::notifying).flatMap(Optional::stream)
                .filter(n -> n.sequence() == sequence && n.repeat() == repeat).reduce((a, b) -> b);
        if (step.isEmpty()) {
            return List.of();
        }
        boolean urgent = ticket.priority() == Priority.URGENT || policies.named(String.valueOf(state.policy()))
                .flatMap(p -> p.level(level)).map(EscalationLevel::urgent).orElse(false);
        String id = ticket.id().value();
        String title = (repeat > 0 ? "Reminder " + repeat + ": " : "") + "Ticket " + id + " escalated"
                + (level > 0 ? " (level " + level + ")" : "") + ": " + ticket.subject();
        TicketEvent event = step.get().event();
        String text = body(ticket, event, repeat);
        Map<String, String> details = details(ticket, step.get(), sequence, level, repeat);
        List<NotificationRequested> out = new ArrayList<>();
        NotificationRequested.Occasion occasion = new NotificationRequested.Occasion(ticket.id(), sequence, level,
                repeat);
        NotificationRequested.Content content = new NotificationRequested.Content(title, text, details, urgent);
        for (Recipient notified : step.get().notified()) {
            if (notified instanceof Recipient.Team team) {
                directory.team(team.name()).map(TeamContacts::slackWebhook).ifPresent(url -> out.add(
                        NotificationRequested.of(occasion, new Target(team.code(), DeliveryChannel.SLACK, url),
                                content, Schedule.first(null))));
                continue;
            }
            String recipient = ((Recipient.Person) notified).id().value();
            Optional<Person> person = directory.person(recipient);
            if (person.isEmpty()) {
                continue;
            }
            Person p = person.get();
            Instant notBefore = urgent || p.workingHours() == null || p.workingHours().isOpen(now) ? null
                    : p.workingHours().nextOpening(now);
            Schedule when = Schedule.first(notBefore);
            addChannel(out, occasion, new Target(recipient, DeliveryChannel.EMAIL, p.email()), content, when);
            addChannel(out, occasion, new Target(recipient, DeliveryChannel.SLACK, p.slackWebhook()), content, when);
            addChannel(out, occasion, new Target(recipient, DeliveryChannel.WEBHOOK, p.webhook()), content, when);
        }
        if (repeat == 0) {
            trail.stream().filter(e -> e instanceof TicketEvent.CustomerUpdated update
                            && Integer.valueOf(sequence).equals(update.sequence()))
                    .findFirst().ifPresent(update -> out.add(NotificationRequested.of(occasion,
                            Target.customer(ticket.requester().email()),
                            new NotificationRequested.Content("Update on your request " + id + ": "
                                    + ticket.subject(), update.body(), details, true), Schedule.first(null))));
        }
        return out;
    }

    /** A notification on a channel the person has an address for. */
    private static void addChannel(List<NotificationRequested> out, NotificationRequested.Occasion occasion,
                                   Target target, NotificationRequested.Content content, Schedule when) {
        if (target.address() != null) {
            out.add(NotificationRequested.of(occasion, target, content, when));
        }
    }

    private static String body(Ticket ticket, TicketEvent step, int repeat) {
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

    private static Map<String, String> details(Ticket ticket, Notifying step, int sequence, int level,
                                               int repeat) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("event", repeat > 0 ? "ticket.escalation_reminder" : "ticket.escalated");
        details.put("ticketId", ticket.id().value());
        details.put("sequence", Integer.toString(sequence));
        details.put("level", Integer.toString(level));
        details.put("repeat", Integer.toString(repeat));
        if (step.event() instanceof TicketEvent.Escalated escalated) {
            Optional.ofNullable(escalated.escalation().kind()).map(EscalationKind::code).ifPresent(v -> details.put("kind", v));
            Optional.ofNullable(escalated.escalation().reason()).ifPresent(v -> details.put("reason", v));
        }
        details.put("team", String.valueOf(ticket.team()));
        details.put("tier", ticket.tier() == null ? "" : Integer.toString(ticket.tier().number()));
        details.put("priority", ticket.priority() == null ? "" : ticket.priority().code());
        details.put("at", step.event().at().toString());
        return details;
    }

    /** A recorded step that notifies people: an escalation (repeat 0) or one of its reminders. */
    record Notifying(TicketEvent event, int sequence, int repeat, List<Recipient> notified) {
    }

    static Optional<Notifying> notifying(TicketEvent e) {
        if (e instanceof TicketEvent.Escalated escalated) {
            return Optional.of(new Notifying(e, escalated.escalation().sequence(), 0, escalated.notified()));
        }
        if (e instanceof TicketEvent.EscalationReminder reminder) {
            return Optional.of(new Notifying(e, reminder.sequence(), reminder.reminder().to(), reminder.notified()));
        }
        return Optional.empty();
    }
}
