package io.tierline.bench;

import io.tierline.core.access.CustomerTokens;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sweep benchmark's open tickets, made by the domain's own actions (opened, then triaged) so that they look like
 * the store's: the first {@code due} have their next deadline inside the sweep window after {@code now}, evenly
 * spread; the others fall due between an hour and a week after the window, which is what most open tickets do.
 */
record OpenTickets(int count, int due, Instant now, Duration window) {
    private static final SlaMetric[] METRICS = SlaMetric.values();
    private static final int[] PERCENTS = {50, 75, 100};
    private static final String DESCRIPTION = "Since this morning the export of last month's invoices stops at 37 %"
            + " with an unspecific error; we tried two browsers and cleared the cache. Our accountant needs the files"
            + " for the quarterly filing, so please tell us when we can expect a fix or a workaround.";

    OpenTickets {
        if (due > count) {
            throw new IllegalArgumentException(due + " due of " + count + " tickets");
        }
    }

    boolean isDue(int index) {
        return index < due;
    }

    Ticket ticket(int index) {
        SplittableRandom random = new SplittableRandom(index);
        Instant created = now.minus(Duration.ofMinutes(10 + random.nextInt(3 * 24 * 60)));
        int customer = random.nextInt(5_000);
        TicketDraft draft = new TicketDraft(
                new TicketDraft.Asked("Invoice export fails (" + index + ")", DESCRIPTION),
                new Requester("Customer " + customer, "customer" + customer + "@example.com", "acme-" + customer,
                        random.nextBoolean() ? "pro" : "basic"), Channel.WEB,
                new TicketDraft.Levels(Level.MEDIUM, Level.HIGH), new TicketDraft.Topic(null, List.of("export")));
        Ticket opened = Ticket.open(TicketId.next(Clock.fixed(created, ZoneOffset.UTC)), draft,
                CustomerTokens.newSalt(), Actor.customer(draft.requester().email()), created).after();
        Ticket triaged = opened.triage(new TriageDecision(Priority.HIGH, new TeamName("billing"), Tier.of(1), "billing",
                "routing rule 'billing' matched"), Actor.system("triage"), created.plusSeconds(2)).after();
        return triaged.withNextDeadline(new Deadline(METRICS[index % METRICS.length], 1,
                PERCENTS[index % PERCENTS.length], deadlineAt(index, random)));
    }

    private Instant deadlineAt(int index, SplittableRandom random) {
        if (isDue(index)) {
            return now.plus(window.multipliedBy(index + 1).dividedBy(due + 1));
        }
        return now.plus(window).plus(Duration.ofSeconds(3_600 + random.nextLong(7 * 24 * 3_600)));
    }
}
