package io.tierline.core.report;

import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EscalationSender;
import io.tierline.core.ticket.Satisfaction;
import io.tierline.core.ticket.Stay;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The escalation reviews' counters (docs/dashboard.md, "Escalation reviews"): a projection of one write's audit
 * events into counter increments, added to the same day item as {@link DailyCounters} and so written in the ticket's
 * own transaction. Every name is a {@link ReviewKey}: a dimension (agent, customer, category, cause, satisfaction),
 * the team the ticket was in when it happened (so every review filters by team), the dimension's key and a measure.
 * Root causes are counted as written (normalised); the policy's taxonomy groups them when they are read, so a change
 * of taxonomy applies to the past too.
 * New event kinds become new cases of the one switch in {@link #count}.
 */
public final class ReviewCounters {
    public static final String UNASSIGNED = "(unassigned)";
    public static final String NONE = "(none)";

    private final Map<String, Long> increments = new LinkedHashMap<>();

    private ReviewCounters() {
    }

    /**
     * @param change   one ticket's write
     * @param breached whether the ticket has had an SLA breach up to the end of this write (asked only on a solve)
     */
    public static Map<String, Long> of(TicketChange change, boolean breached) {
        ReviewCounters counters = new ReviewCounters();
        Ticket ticket = change.after();
        for (TicketEvent event : change.events()) {
            counters.count(event, ticket);
        }
        if (DailyCounters.becomesSolved(change)) {
            counters.solved(ticket, breached);
        }
        counters.stays(change);
        return counters.increments;
    }

    private void count(TicketEvent event, Ticket ticket) {
        String team = teamOf(ticket);
        // one switch over the event kinds (Java 17: on the type code, then the record)
        switch (event.type()) {
            case ESCALATED -> {
                TicketEvent.Escalated e = (TicketEvent.Escalated) event;
                String kind = e.escalation().kind().code();
                String agent = staff(e.escalatedBy());
                if (agent != null) {
                    add(ReviewKey.agent(team, agent, Measure.ESCALATED));
                    add(ReviewKey.agent(team, agent, Measure.ESCALATED + "-" + kind));
                    add(ReviewKey.agent(team, agent, Measure.REASON_PREFIX + e.escalation().reason()));
                }
                add(ReviewKey.customer(team, customerOf(ticket), Measure.ESCALATED));
                if (e.escalation().customerRequested()) {
                    add(ReviewKey.customer(team, customerOf(ticket), Measure.CUSTOMER_REQUESTED));
                }
                add(ReviewKey.category(team, categoryOf(ticket), Measure.ESCALATED));
                Tier to = e.moves().to(TicketField.TIER).orElse(null);
                if (to != null) {
                    add(ReviewKey.category(team, categoryOf(ticket), Measure.ESCALATED_TO_TIER + to.number()));
                }
            }
            case ASSIGNED, AUTO_ASSIGNED -> assigned(event, team);
            case SLA_BREACH -> {
                add(ReviewKey.customer(team, customerOf(ticket), Measure.BREACHES));
                add(ReviewKey.category(team, categoryOf(ticket), Measure.BREACHES));
            }
            case REOPENED -> {
                add(ReviewKey.agent(team, assigneeOf(ticket), Measure.REOPENED));
                add(ReviewKey.category(team, categoryOf(ticket), Measure.REOPENED));
            }
            case RESOLVED -> {
                TicketEvent.Resolved r = (TicketEvent.Resolved) event;
                if (r.rootCause() != null) {
                    String cause = RootCauses.normalise(r.rootCause());
                    add(ReviewKey.cause(team, categoryOf(ticket), cause));
                    ticket.productAreas().forEach(area -> add(ReviewKey.causeInArea(team, area, cause)));
                }
            }
            case SATISFACTION_RATED -> {
                TicketEvent.SatisfactionRated s = (TicketEvent.SatisfactionRated) event;
                if (s.rating() != null) {
                    rating(ticket, s.rating(), 1);
                }
            }
            case FOLLOW_UP_ANSWERED -> {
                // the ticket is solved when its follow-up is answered, so its assignee is who solved it
                TicketEvent.FollowUpAnswered f = (TicketEvent.FollowUpAnswered) event;
                loop(ReviewKey.agent(team, assigneeOf(ticket), Measure.FOLLOW_UPS),
                        ReviewKey.category(team, categoryOf(ticket), Measure.FOLLOW_UPS));
                if (f.answer().stayedSolved()) {
                    loop(ReviewKey.agent(team, assigneeOf(ticket), Measure.STAYED_SOLVED),
                            ReviewKey.category(team, categoryOf(ticket), Measure.STAYED_SOLVED));
                }
            }
            case ESCALATION_FEEDBACK_GIVEN -> {
                TicketEvent.EscalationFeedbackGiven f = (TicketEvent.EscalationFeedbackGiven) event;
                add(ReviewKey.category(team, categoryOf(ticket), Measure.FEEDBACK));
                if (f.feedback().needed()) {
                    add(ReviewKey.category(team, categoryOf(ticket), Measure.FEEDBACK_NEEDED));
                }
                if (f.feedback().complete()) {
                    add(ReviewKey.category(team, categoryOf(ticket), Measure.FEEDBACK_COMPLETE));
                }
                EscalationSender sender = f.sender();
                if (sender != null) {
                    // the escalating agent's row, under the team they escalated from
                    String from = teamKey(sender.team());
                    String agent = sender.person().value();
                    add(ReviewKey.agent(from, agent, Measure.FEEDBACK_RECEIVED));
                    if (f.feedback().needed()) {
                        add(ReviewKey.agent(from, agent, Measure.FEEDBACK_RECEIVED_NEEDED));
                    }
                    if (f.feedback().complete()) {
                        add(ReviewKey.agent(from, agent, Measure.FEEDBACK_RECEIVED_COMPLETE));
                    }
                }
            }
            default -> {
                // the other kinds do not move a review figure
            }
        }
    }

    /**
     * A new rating replaces the last, so the last one leaves the counts of the day it was given (the trail keeps
     * both): an empty map unless the change rates a ticket that had a rating.
     */
    public static Map<LocalDate, Map<String, Long>> replacedRating(TicketChange change) {
        Satisfaction previous = change.before() == null ? null : change.before().satisfaction();
        boolean rates = change.events().stream().anyMatch(e -> e instanceof TicketEvent.SatisfactionRated s
                && s.rating() != null);
        if (previous == null || !rates) {
            return Map.of();
        }
        ReviewCounters counters = new ReviewCounters();
        counters.rating(change.before(), previous.rating(), -1);
        return Map.of(previous.ratedAt().atZone(ZoneOffset.UTC).toLocalDate(), counters.increments);
    }

    private void rating(Ticket ticket, int stars, long by) {
        String team = teamOf(ticket);
        String rating = Measure.RATING_PREFIX + stars;
        add(ReviewKey.agent(team, assigneeOf(ticket), rating), by);
        add(ReviewKey.customer(team, customerOf(ticket), rating), by);
        add(ReviewKey.category(team, categoryOf(ticket), rating), by);
        add(ReviewKey.satisfaction(team, SatisfactionGroup.tier(ticket.tier()), rating), by);
        add(ReviewKey.satisfaction(team, SatisfactionGroup.escalated(ticket.wasEscalated()), rating), by);
    }

    /**
     * An agent's tickets handled are those assigned to them, by hand or automatically (an escalation may move the
     * ticket on).
     */
    private void assigned(TicketEvent event, String team) {
        event.moves().to(TicketField.ASSIGNEE).ifPresent(p -> add(ReviewKey.agent(team, p.value(), Measure.HANDLED)));
    }

    /** A ticket solved: by its assignee, within its SLA or not, escalated or not. */
    private void solved(Ticket ticket, boolean breached) {
        String team = teamOf(ticket);
        String agent = assigneeOf(ticket);
        add(ReviewKey.agent(team, agent, Measure.SOLVED));
        add(ReviewKey.customer(team, customerOf(ticket), Measure.HANDLED));
        add(ReviewKey.customer(team, customerOf(ticket), Measure.CATEGORY_PREFIX + categoryOf(ticket)));
        add(ReviewKey.category(team, categoryOf(ticket), Measure.HANDLED));
        if (!breached) {
            add(ReviewKey.agent(team, agent, Measure.WITHIN_SLA));
            add(ReviewKey.category(team, categoryOf(ticket), Measure.WITHIN_SLA));
        }
        if (ticket.wasEscalated()) {
            add(ReviewKey.agent(team, agent, Measure.SOLVED_ESCALATED));
            add(ReviewKey.category(team, categoryOf(ticket), Measure.SOLVED_ESCALATED));
            add(ReviewKey.customer(team, customerOf(ticket), Measure.SOLVED_ESCALATED));
        }
        EscalationSender last = ticket.clocks().stay().lastEscalation();
        if (last != null) {
            // solved with no escalation after theirs: it settled at the tier they sent it to, or came back down
            add(ReviewKey.agent(teamKey(last.team()), last.person().value(),
                    Measure.ESCALATIONS_SETTLED));
        }
        String tier = ticket.tier() == null ? NONE : Integer.toString(ticket.tier().number());
        add(ReviewKey.category(team, categoryOf(ticket), Measure.SOLVED_AT_TIER + tier));
    }

    /**
     * The stays this write ends, counted under the team and category they were spent in (see {@link TimeSpent}):
     * the stay in the tier when the tier or the team changes or the ticket is solved or closed, the stay in the team
     * when the team changes or the ticket is solved or closed. An untriaged or already solved ticket has no stay.
     */
    private void stays(TicketChange change) {
        Ticket before = change.before();
        Ticket after = change.after();
        if (before == null || before.team() == null || before.tier() == null || before.status().isDone()) {
            return;
        }
        boolean teamLeft = after.status().isDone() || !Objects.equals(before.team(), after.team());
        boolean tierLeft = teamLeft || !Objects.equals(before.tier(), after.tier());
        Stay stay = before.clocks().stay();
        Instant at = after.updatedAt();
        if (tierLeft) {
            add(ReviewKey.category(teamKey(before.team()), categoryOf(before),
                    TimeSpent.tierStay(before.tier().number(),
                    Duration.between(stay.tierEnteredAt(before.createdAt()), at))));
        }
        if (teamLeft) {
            add(ReviewKey.category(teamKey(before.team()), categoryOf(before), TimeSpent.teamStay(
                    Duration.between(stay.teamEnteredAt(before.createdAt()), at))));
        }
    }

    private void loop(String agentCounter, String categoryCounter) {
        add(agentCounter);
        add(categoryCounter);
    }

    private void add(String counter) {
        add(counter, 1);
    }

    private void add(String counter, long by) {
        increments.merge(counter, by, Long::sum);
    }

    /** The member of staff who acted, or null for the customer, a service or Tierline itself. */
    private static String staff(Actor actor) {
        return switch (actor.kind()) {
            case AGENT, SUPERVISOR, ADMIN -> actor.id();
            default -> null;
        };
    }

    private static String teamOf(Ticket ticket) {
        return teamKey(ticket.team());
    }

    /** A team as the counters' keys name it. */
    private static String teamKey(TeamName team) {
        return team == null ? NONE : team.value();
    }

    private static String categoryOf(Ticket ticket) {
        return ticket.category() == null ? NONE : ticket.category();
    }

    private static String assigneeOf(Ticket ticket) {
        return ticket.assignee() == null ? UNASSIGNED : ticket.assignee().value();
    }

    private static String customerOf(Ticket ticket) {
        return ticket.requester().historyKey().text();
    }

    /** The measure part of a counter name. */
    public static final class Measure {
        public static final String HANDLED = "handled";
        public static final String SOLVED = "solved";
        public static final String WITHIN_SLA = "within-sla";
        public static final String ESCALATED = "escalated";
        public static final String CUSTOMER_REQUESTED = "customer-requested";
        public static final String BREACHES = "breaches";
        public static final String REOPENED = "reopened";
        public static final String SOLVED_ESCALATED = "solved-escalated";
        public static final String REASON_PREFIX = "reason-";
        public static final String RATING_PREFIX = "rating-";
        /** A customer's tickets solved in a category. */
        public static final String CATEGORY_PREFIX = "category-";
        public static final String ESCALATED_TO_TIER = "escalated-to-tier-";
        public static final String SOLVED_AT_TIER = "solved-at-tier-";
        public static final String FOLLOW_UPS = "follow-ups";
        public static final String STAYED_SOLVED = "stayed-solved";
        public static final String FEEDBACK = "feedback";
        public static final String FEEDBACK_NEEDED = "feedback-needed";
        public static final String FEEDBACK_COMPLETE = "feedback-complete";
        /** Feedback on the agent's own escalations, from those who received them. */
        public static final String FEEDBACK_RECEIVED = "feedback-received";
        public static final String FEEDBACK_RECEIVED_NEEDED = "feedback-received-needed";
        public static final String FEEDBACK_RECEIVED_COMPLETE = "feedback-received-complete";
        /** The agent's escalations that were the last before the ticket was solved. */
        public static final String ESCALATIONS_SETTLED = "escalations-settled";

        private Measure() {
        }
    }

    /** The groups satisfaction is broken down by besides agent, customer and category. */
    public static final class SatisfactionGroup {
        public static final String ESCALATED = "escalated";
        public static final String NOT_ESCALATED = "not-escalated";
        public static final String TIER_PREFIX = "tier-";

        static String tier(Tier tier) {
            return TIER_PREFIX + (tier == null ? NONE : Integer.toString(tier.number()));
        }

        static String escalated(boolean escalated) {
            return escalated ? ESCALATED : NOT_ESCALATED;
        }

        private SatisfactionGroup() {
        }
    }
}
