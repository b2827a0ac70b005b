package io.tierline.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a ticket's append-only audit trail, one record per kind. Every event has a {@link EventHeader}
 * (its key {@code version}/{@code index}, when, who, why, the text of a reply or note) and the ticket fields it
 * moved; kinds that record more (an escalation, a fired SLA deadline, a reminder) carry it as typed components.
 * Whether the customer may see it follows from its kind. The {@link EventType} codes are the wire names.
 */
public sealed interface TicketEvent {

    enum EventType {
        CREATED(Visibility.PUBLIC), TRIAGED(Visibility.INTERNAL), STATUS_CHANGED(Visibility.PUBLIC),
        ASSIGNED(Visibility.INTERNAL), REPLIED(Visibility.PUBLIC), NOTE_ADDED(Visibility.INTERNAL),
        CUSTOMER_REPLIED(Visibility.PUBLIC), LEVELS_CHANGED(Visibility.INTERNAL),
        TRANSFER_REQUESTED(Visibility.INTERNAL), TRANSFER_REFUSED(Visibility.INTERNAL),
        TRANSFERRED(Visibility.INTERNAL), RESOLVED(Visibility.PUBLIC), REOPENED(Visibility.PUBLIC),
        MERGED(Visibility.PUBLIC), DUPLICATE_MERGED(Visibility.INTERNAL), ESCALATION_REQUESTED(Visibility.PUBLIC),
        SLA_WARNING(Visibility.INTERNAL), SLA_BREACH(Visibility.INTERNAL), ESCALATED(Visibility.INTERNAL),
        ACKNOWLEDGED(Visibility.INTERNAL), ESCALATION_REMINDER(Visibility.INTERNAL),
        CUSTOMER_UPDATED(Visibility.PUBLIC), SATISFACTION_RATED(Visibility.PUBLIC),
        FOLLOW_UP_REQUESTED(Visibility.PUBLIC), FOLLOW_UP_ANSWERED(Visibility.PUBLIC),
        ESCALATION_FEEDBACK_GIVEN(Visibility.INTERNAL), AUTO_ASSIGNED(Visibility.INTERNAL),
        ASSIGNMENT_WAITING(Visibility.INTERNAL), ARTICLE_PROPOSED(Visibility.INTERNAL);

        private final Visibility visibility;

        EventType(Visibility visibility) {
            this.visibility = visibility;
        }

        public Visibility visibility() {
            return visibility;
        }
    }

    /** Makes an event of one kind from its header and moves (the kind's own facts already bound). */
    @FunctionalInterface
    interface Factory {
        TicketEvent make(EventHeader header, FieldMoves moves);
    }

    /** The kinds that record nothing but their header and moves, by type; the others need their facts. */
    static Factory plain(EventType type) {
        return switch (type) {
            case CREATED -> Created::new;
            case TRIAGED -> Triaged::new;
            case STATUS_CHANGED -> StatusChanged::new;
            case ASSIGNED -> Assigned::new;
            case REPLIED -> Replied::new;
            case NOTE_ADDED -> NoteAdded::new;
            case CUSTOMER_REPLIED -> CustomerReplied::new;
            case LEVELS_CHANGED -> LevelsChanged::new;
            case TRANSFER_REQUESTED -> TransferRequested::new;
            case TRANSFER_REFUSED -> TransferRefused::new;
            case TRANSFERRED -> Transferred::new;
            case RESOLVED -> Resolved::new;
            case REOPENED -> Reopened::new;
            case MERGED -> Merged::new;
            case DUPLICATE_MERGED -> DuplicateMerged::new;
            case SATISFACTION_RATED -> SatisfactionRated::new;
            default -> throw new IllegalArgumentException(type + " events record more than their moves");
        };
    }

    EventHeader header();

    /** The ticket fields this event moved. */
    FieldMoves moves();

    EventType type();

    default TicketId ticketId() {
        return header().ticketId();
    }

    default long version() {
        return header().version();
    }

    default int index() {
        return header().index();
    }

    default Instant at() {
        return header().at();
    }

    default Actor actor() {
        return header().actor();
    }

    default String reason() {
        return header().reason();
    }

    default String body() {
        return header().body();
    }

    default Visibility visibility() {
        return type().visibility();
    }

    default boolean isPublic() {
        return visibility() == Visibility.PUBLIC;
    }

    /**
     * When a timed step (an SLA warning or breach, a delayed level, a reminder, an acknowledgement timeout) was
     * due; its {@link #at()} is when it happened. Null for everything else.
     */
    default Instant dueAt() {
        return null;
    }

    /** The status this event moved the ticket to, if it moved it. */
    default Status statusAfter() {
        return moves().to(TicketField.STATUS).orElse(null);
    }

    /** An SLA warning or breach that fell due, named by its deadline so it is never fired twice. */
    sealed interface SlaDeadlineFired extends TicketEvent {
        DeadlineKey deadline();

        @Override
        Instant dueAt();
    }

    /** @param articlesSeen the knowledge-base articles the customer saw on the form before filing (may be none) */
    record Created(EventHeader header, FieldMoves moves, List<ArticleRef> articlesSeen) implements TicketEvent {
        public Created {
            articlesSeen = articlesSeen == null ? List.of() : List.copyOf(articlesSeen);
        }

        public Created(EventHeader header, FieldMoves moves) {
            this(header, moves, List.of());
        }

        public EventType type() {
            return EventType.CREATED;
        }
    }

    record Triaged(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.TRIAGED;
        }
    }

    record StatusChanged(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.STATUS_CHANGED;
        }
    }

    record Assigned(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.ASSIGNED;
        }
    }

    record Replied(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.REPLIED;
        }
    }

    record NoteAdded(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.NOTE_ADDED;
        }
    }

    record CustomerReplied(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.CUSTOMER_REPLIED;
        }
    }

    record LevelsChanged(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.LEVELS_CHANGED;
        }
    }

    record TransferRequested(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.TRANSFER_REQUESTED;
        }
    }

    record TransferRefused(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.TRANSFER_REFUSED;
        }
    }

    record Transferred(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.TRANSFERRED;
        }
    }

    /** The note is the body; the root cause, when one was given, is a move of its own (the reviews count it). */
    /** @param solvedWith the published article the ticket was solved with (counted for it), or null */
    record Resolved(EventHeader header, FieldMoves moves, ArticleRef solvedWith) implements TicketEvent {
        public Resolved(EventHeader header, FieldMoves moves) {
            this(header, moves, null);
        }

        public EventType type() {
            return EventType.RESOLVED;
        }

        public String rootCause() {
            return moves.to(TicketField.ROOT_CAUSE).orElse(null);
        }
    }

    record Reopened(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.REOPENED;
        }
    }

    record Merged(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.MERGED;
        }
    }

    record DuplicateMerged(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.DUPLICATE_MERGED;
        }
    }

    /**
     * The customer asked for escalation.
     *
     * @param alreadyEscalated the escalation that had already reached someone senior, when the request alerted
     *                         nobody again; null when it led to an escalation (or nobody could be asked)
     */
    record EscalationRequested(EventHeader header, FieldMoves moves, Integer alreadyEscalated)
            implements TicketEvent {
        public EventType type() {
            return EventType.ESCALATION_REQUESTED;
        }
    }

    record SlaWarning(EventHeader header, FieldMoves moves, DeadlineKey deadline, Instant dueAt)
            implements SlaDeadlineFired {
        public SlaWarning {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        public EventType type() {
            return EventType.SLA_WARNING;
        }
    }

    record SlaBreach(EventHeader header, FieldMoves moves, DeadlineKey deadline, Instant dueAt)
            implements SlaDeadlineFired {
        public SlaBreach {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        public EventType type() {
            return EventType.SLA_BREACH;
        }
    }

    /**
     * What an escalation was, beyond the ticket fields it moved.
     *
     * @param sequence          the escalation's number on this ticket; its notifications are keyed by it
     * @param kind              functional, hierarchical or automatic
     * @param reason            the reason's code (a manual reason, or the trigger of an automatic level)
     * @param level             the policy level before and after
     * @param escalatedTo       the person escalated to, or null
     * @param customerRequested whether the customer asked for it
     * @param requestedBy       the agent who asked for it when it waited for a supervisor's approval, or null
     */
    record EscalationFacts(int sequence, EscalationKind kind, String reason, Move<Integer> level, PersonId escalatedTo,
                           boolean customerRequested, PersonId requestedBy) {
        public EscalationFacts {
            Objects.requireNonNull(level, "level");
        }

        /** An escalation made by whoever acted (nobody asked for it and waited). */
        public EscalationFacts(int sequence, EscalationKind kind, String reason, Move<Integer> level,
                               PersonId escalatedTo, boolean customerRequested) {
            this(sequence, kind, reason, level, escalatedTo, customerRequested, null);
        }
    }

    /**
     * @param notified who is notified
     * @param dueAt    when a timed escalation was due; null for one someone asked for
     */
    record Escalated(EventHeader header, FieldMoves moves, EscalationFacts escalation, List<Recipient> notified,
                     Instant dueAt) implements TicketEvent {
        public Escalated {
            Objects.requireNonNull(escalation, "escalation");
            notified = List.copyOf(notified);
        }

        /**
         * Who made the escalation, for the reviews: the agent who asked for it when a supervisor approved it (the
         * approver only let it through), otherwise whoever acted.
         */
        public Actor escalatedBy() {
            return escalation.requestedBy() != null ? new Actor(Actor.Kind.AGENT, escalation.requestedBy().value())
                    : actor();
        }

        public EventType type() {
            return EventType.ESCALATED;
        }
    }

    /** @param sequence the escalation acknowledged */
    record Acknowledged(EventHeader header, FieldMoves moves, int sequence) implements TicketEvent {
        public EventType type() {
            return EventType.ACKNOWLEDGED;
        }
    }

    /**
     * @param sequence the escalation still not acknowledged
     * @param reminder reminders sent for its level, before and after this one
     */
    record EscalationReminder(EventHeader header, FieldMoves moves, int sequence, Move<Integer> reminder,
                              List<Recipient> notified, Instant dueAt) implements TicketEvent {
        public EscalationReminder {
            Objects.requireNonNull(reminder, "reminder");
            Objects.requireNonNull(dueAt, "dueAt");
            notified = List.copyOf(notified);
        }

        public EventType type() {
            return EventType.ESCALATION_REMINDER;
        }
    }

    /**
     * A public update to the customer; the body is what they are told.
     *
     * @param sequence the escalation it tells of (its notification is sent with it), or null
     */
    record CustomerUpdated(EventHeader header, FieldMoves moves, Integer sequence) implements TicketEvent {
        public EventType type() {
            return EventType.CUSTOMER_UPDATED;
        }
    }

    record SatisfactionRated(EventHeader header, FieldMoves moves) implements TicketEvent {
        public EventType type() {
            return EventType.SATISFACTION_RATED;
        }

        public Integer rating() {
            return moves.to(TicketField.SATISFACTION).orElse(null);
        }
    }

    /**
     * The follow-up of a resolution fell due and the customer was asked whether the problem stayed solved.
     *
     * @param resolution the version of the {@link Resolved} event it follows up; it is asked once per resolution
     * @param dueAt      when it was due; {@link #at()} is when it was sent
     */
    record FollowUpRequested(EventHeader header, FieldMoves moves, long resolution, Instant dueAt)
            implements TicketEvent {
        public FollowUpRequested {
            Objects.requireNonNull(dueAt, "dueAt");
        }

        public EventType type() {
            return EventType.FOLLOW_UP_REQUESTED;
        }
    }

    /**
     * The customer answered the follow-up of a resolution; the comment is the body. A rating given with it is
     * recorded as a {@link SatisfactionRated} of the same write, a "not solved" as a {@link Reopened}.
     *
     * @param resolution the version of the {@link Resolved} event it answers for
     * @param answer     whether it stayed solved, and the rating if one was given
     */
    record FollowUpAnswered(EventHeader header, FieldMoves moves, long resolution, FollowUpAnswer answer)
            implements TicketEvent {
        public FollowUpAnswered {
            Objects.requireNonNull(answer, "answer");
        }

        public EventType type() {
            return EventType.FOLLOW_UP_ANSWERED;
        }
    }

    /**
     * An agent who received an escalation says whether it was needed and complete; the comment is the body. Only
     * agents see it.
     *
     * @param sequence the escalation it is about ({@link EscalationFacts#sequence()})
     */
    /**
     * @param sender who made escalation {@code sequence}, resolved from the trail when the feedback was given (the
     *               reviews credit it to them); null for an automatic escalation
     */
    record EscalationFeedbackGiven(EventHeader header, FieldMoves moves, int sequence, EscalationFeedback feedback,
                                   EscalationSender sender) implements TicketEvent {
        public EscalationFeedbackGiven {
            Objects.requireNonNull(feedback, "feedback");
        }

        public EscalationFeedbackGiven(EventHeader header, FieldMoves moves, int sequence,
                                       EscalationFeedback feedback) {
            this(header, moves, sequence, feedback, null);
        }

        public EventType type() {
            return EventType.ESCALATION_FEEDBACK_GIVEN;
        }
    }

    /** Automatic assignment gave the ticket to a person (the assignee move), with why and who else was considered. */
    record AutoAssigned(EventHeader header, FieldMoves moves, AssignmentFacts assignment) implements TicketEvent {
        public AutoAssigned {
            Objects.requireNonNull(assignment, "assignment");
        }

        public EventType type() {
            return EventType.AUTO_ASSIGNED;
        }
    }

    /**
     * Nobody of the team fits now: the ticket waits unassigned in the team queue, with why each person was passed
     * by; it is offered again when someone frees capacity or becomes available.
     */
    record AssignmentWaiting(EventHeader header, FieldMoves moves, AssignmentFacts assignment)
            implements TicketEvent {
        public AssignmentWaiting {
            Objects.requireNonNull(assignment, "assignment");
        }

        public EventType type() {
            return EventType.ASSIGNMENT_WAITING;
        }
    }

    /** An agent proposed a knowledge-base article (a draft, for a supervisor to publish) from this solved ticket. */
    record ArticleProposed(EventHeader header, FieldMoves moves, ArticleRef article) implements TicketEvent {
        public EventType type() {
            return EventType.ARTICLE_PROPOSED;
        }
    }
}
