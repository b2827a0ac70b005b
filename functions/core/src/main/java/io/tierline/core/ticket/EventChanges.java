package io.tierline.core.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event as the API shows it: the list of {@link Change}s, the ticket fields it moved (in field order) and then
 * what its kind records, each under its wire name. The one place where events become these names; the adapters'
 * reader of items stored before the typed format (fmt 1) reads the same names back.
 */
public final class EventChanges {
    public static final String ESCALATION_SEQUENCE = "escalationSequence";
    public static final String ESCALATION_KIND = "escalationKind";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String ESCALATION_LEVEL = "escalationLevel";
    public static final String ESCALATED_TO = "escalatedTo";
    public static final String CUSTOMER_REQUESTED = "customerRequested";
    public static final String ESCALATION_REQUESTED_BY = "escalationRequestedBy";
    public static final String NOTIFIED = "notified";
    public static final String REMINDER = "reminder";
    public static final String ALREADY_ESCALATED = "alreadyEscalated";
    public static final String SLA_DEADLINE = "slaDeadline";
    public static final String FOLLOW_UP_RESOLUTION = "followUpResolution";
    public static final String STAYED_SOLVED = "stayedSolved";
    public static final String FOLLOW_UP_RATING = "followUpRating";
    public static final String ESCALATION_NEEDED = "escalationNeeded";
    public static final String ESCALATION_COMPLETE = "escalationComplete";
    public static final String ESCALATION_SENDER = "escalatedBy";
    /** Not among the changes the API shows: an event view shows it as its own {@code dueAt}. */
    public static final String DUE_AT = "dueAt";
    /** The CREATED event's articles the customer saw before filing, comma-separated ids. */
    public static final String ARTICLES_SEEN = "articlesSeen";
    public static final String ASSIGNMENT_MODE = "assignmentMode";
    public static final String SKILLS_NEEDED = "skillsNeeded";
    public static final String LANGUAGE_NEEDED = "languageNeeded";
    public static final String SKILLS_MATCHED = "skillsMatched";
    /** {@code before/limit}, with a {@code +} when an urgent ticket went past the limit. */
    public static final String LOAD = "load";
    /** The article a ticket was solved with (a Resolved event's fact). */
    public static final String SOLVED_WITH = "solvedWithArticle";
    /** The draft article proposed from the ticket (an ArticleProposed event's fact). */
    public static final String PROPOSED_ARTICLE = "proposedArticle";
    /** {@code person:verdict} for everyone considered, comma-separated, in rank order. */
    public static final String CONSIDERED = "considered";

    private EventChanges() {
    }

    /** The event's changes as the API shows them (without its due instant, which the view shows on its own). */
    public static List<Change> of(TicketEvent event) {
        List<Change> changes = new ArrayList<>(event.moves().entries().stream().map(FieldMoves.Entry::change)
                .toList());
        if (event instanceof TicketEvent.EscalationRequested requested && requested.alreadyEscalated() != null) {
            changes.add(fact(ALREADY_ESCALATED, requested.alreadyEscalated()));
        } else if (event instanceof TicketEvent.SlaDeadlineFired fired) {
            changes.add(fact(SLA_DEADLINE, fired.deadline().code()));
        } else if (event instanceof TicketEvent.Escalated escalated) {
            TicketEvent.EscalationFacts facts = escalated.escalation();
            changes.add(fact(ESCALATION_SEQUENCE, facts.sequence()));
            changes.add(fact(ESCALATION_KIND, facts.kind() == null ? null : facts.kind().code()));
            changes.add(fact(ESCALATION_REASON, facts.reason()));
            changes.add(new Change(ESCALATION_LEVEL, String.valueOf(facts.level().from()),
                    String.valueOf(facts.level().to())));
            if (facts.escalatedTo() != null) {
                changes.add(fact(ESCALATED_TO, facts.escalatedTo().value()));
            }
            if (facts.customerRequested()) {
                changes.add(fact(CUSTOMER_REQUESTED, true));
            }
            if (facts.requestedBy() != null) {
                changes.add(fact(ESCALATION_REQUESTED_BY, facts.requestedBy().value()));
            }
            if (!escalated.notified().isEmpty()) {
                changes.add(fact(NOTIFIED, recipients(escalated.notified())));
            }
        } else if (event instanceof TicketEvent.Acknowledged acknowledged) {
            changes.add(fact(ESCALATION_SEQUENCE, acknowledged.sequence()));
        } else if (event instanceof TicketEvent.EscalationReminder reminder) {
            changes.add(fact(ESCALATION_SEQUENCE, reminder.sequence()));
            changes.add(new Change(REMINDER, String.valueOf(reminder.reminder().from()),
                    String.valueOf(reminder.reminder().to())));
            changes.add(fact(NOTIFIED, recipients(reminder.notified())));
        } else if (event instanceof TicketEvent.CustomerUpdated update && update.sequence() != null) {
            changes.add(fact(ESCALATION_SEQUENCE, update.sequence()));
        } else if (event instanceof TicketEvent.FollowUpRequested requested) {
            changes.add(fact(FOLLOW_UP_RESOLUTION, requested.resolution()));
        } else if (event instanceof TicketEvent.FollowUpAnswered answered) {
            changes.add(fact(FOLLOW_UP_RESOLUTION, answered.resolution()));
            changes.add(fact(STAYED_SOLVED, answered.answer().stayedSolved()));
            if (answered.answer().rating() != null) {
                changes.add(fact(FOLLOW_UP_RATING, answered.answer().rating()));
            }
        } else if (event instanceof TicketEvent.EscalationFeedbackGiven given) {
            changes.add(fact(ESCALATION_SEQUENCE, given.sequence()));
            changes.add(fact(ESCALATION_NEEDED, given.feedback().needed()));
            changes.add(fact(ESCALATION_COMPLETE, given.feedback().complete()));
            if (given.sender() != null) {
                changes.add(fact(ESCALATION_SENDER, given.sender().person().value()));
            }
        } else if (event instanceof TicketEvent.AutoAssigned assigned) {
            assignment(changes, assigned.assignment());
        } else if (event instanceof TicketEvent.AssignmentWaiting waiting) {
            assignment(changes, waiting.assignment());
        } else if (event instanceof TicketEvent.Created created && !created.articlesSeen().isEmpty()) {
            changes.add(fact(ARTICLES_SEEN, created.articlesSeen().stream().map(ArticleRef::value)
                    .collect(java.util.stream.Collectors.joining(","))));
        } else if (event instanceof TicketEvent.Resolved resolved && resolved.solvedWith() != null) {
            changes.add(fact(SOLVED_WITH, resolved.solvedWith().value()));
        } else if (event instanceof TicketEvent.ArticleProposed proposed) {
            changes.add(fact(PROPOSED_ARTICLE, proposed.article().value()));
        }
        return changes;
    }

    private static void assignment(List<Change> changes, AssignmentFacts facts) {
        changes.add(fact(ASSIGNMENT_MODE, facts.mode()));
        if (!facts.match().needed().isEmpty()) {
            changes.add(fact(SKILLS_NEEDED, skills(facts.match().needed())));
        }
        if (facts.match().language() != null) {
            changes.add(fact(LANGUAGE_NEEDED, facts.match().language()));
        }
        if (facts.load() != null) {
            changes.add(fact(SKILLS_MATCHED, skills(facts.match().matched())));
            changes.add(fact(LOAD, facts.load().before() + "/" + facts.load().limit()
                    + (facts.load().overCapacity() ? "+" : "")));
        }
        changes.add(fact(CONSIDERED, facts.considered().stream().map(c -> c.person().value() + ":"
                + c.verdict().code()).collect(Collectors.joining(","))));
    }

    private static String skills(List<Skill> skills) {
        return skills.stream().map(Skill::label).collect(Collectors.joining(","));
    }

    /** Recipients as the trail lists them: their codes, comma-separated. */
    public static String recipients(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::code).collect(Collectors.joining(","));
    }

    private static Change fact(String name, Object value) {
        return new Change(name, null, value == null ? null : String.valueOf(value));
    }
}
