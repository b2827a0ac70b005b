package io.tierline.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A customer's ticket, immutable: every action returns a {@link TicketChange} holding the next version and the audit
 * events that explain it, so the store can write both in one conditional transaction. Its fields come in parts:
 * who asked ({@link Request}), how it is classified and routed ({@link Classification}, null parts until triage),
 * the work on it ({@link Work}) and the clocks derived from its trail ({@link Clocks}). The accessors of the parts'
 * fields on the ticket itself are conveniences for the many readers.
 */
public record Ticket(TicketId id, Request request, Classification classification, Work work, Clocks clocks,
                     Instant createdAt, Instant updatedAt, long version) {

    /**
     * Who asked, and how.
     *
     * @param customerTokenSalt random per ticket; the customer's access token is derived from it (see
     *                          CustomerTokens)
     */
    public record Request(String subject, String description, Requester requester, Channel channel,
                          String customerTokenSalt) {
    }

    /**
     * What the ticket is about and where it goes. Priority, team and tier are null until triage has run.
     *
     * @param signals language, frustration and escalation risk as triage read them; null until triage
     */
    public record Classification(Level impact, Level urgency, Priority priority, String category, TeamName team,
                                 Tier tier, List<String> tags, TicketSignals signals) {
        public Classification {
            tags = List.copyOf(tags);
        }

        public Classification withLevels(Level newImpact, Level newUrgency, Priority newPriority) {
            return new Classification(newImpact, newUrgency, newPriority, category, team, tier, tags, signals);
        }

        public Classification withPriority(Priority newPriority) {
            return withLevels(impact, urgency, newPriority);
        }

        public Classification withCategory(String newCategory) {
            return new Classification(impact, urgency, priority, newCategory, team, tier, tags, signals);
        }

        /** With another team and tier. */
        public Classification withPlace(TeamName newTeam, Tier newTier) {
            return new Classification(impact, urgency, priority, category, newTeam, newTier, tags, signals);
        }

        /** With the tags it does not carry yet added, keeping their order. */
        public Classification withTagsAdded(List<String> more) {
            return new Classification(impact, urgency, priority, category, team, tier, union(tags, more), signals);
        }

        public Classification withSignals(TicketSignals newSignals) {
            return new Classification(impact, urgency, priority, category, team, tier, tags, newSignals);
        }
    }

    /**
     * The work on the ticket.
     *
     * @param mergedInto set when this ticket was merged into another (it is then closed)
     * @param watchers   people who follow the ticket (added by escalations or by hand)
     * @param satisfaction the customer's rating after resolution, or null
     */
    public record Work(Status status, PersonId assignee, Resolution resolution, TransferRequest pendingTransfer,
                       TicketId mergedInto, List<PersonId> watchers, Satisfaction satisfaction) {
        public Work {
            Objects.requireNonNull(status, "status");
            watchers = watchers == null ? List.of() : List.copyOf(watchers);
        }

        static Work fresh() {
            return new Work(Status.NEW, null, null, null, null, List.of(), null);
        }

        public Work withStatus(Status next) {
            return new Work(next, assignee, resolution, pendingTransfer, mergedInto, watchers, satisfaction);
        }

        public Work withAssignee(PersonId person) {
            return new Work(status, person, resolution, pendingTransfer, mergedInto, watchers, satisfaction);
        }

        public Work withResolution(Resolution next) {
            return new Work(status, assignee, next, pendingTransfer, mergedInto, watchers, satisfaction);
        }

        public Work withPendingTransfer(TransferRequest request) {
            return new Work(status, assignee, resolution, request, mergedInto, watchers, satisfaction);
        }

        public Work withMergedInto(TicketId survivor) {
            return new Work(status, assignee, resolution, pendingTransfer, survivor, watchers, satisfaction);
        }

        /** With the watchers it does not have yet added, keeping their order. */
        public Work withWatchersAdded(List<PersonId> more) {
            return new Work(status, assignee, resolution, pendingTransfer, mergedInto, union(watchers, more),
                    satisfaction);
        }

        public Work withSatisfaction(Satisfaction rating) {
            return new Work(status, assignee, resolution, pendingTransfer, mergedInto, watchers, rating);
        }
    }

    /**
     * What is derived from the trail and the policies rather than done: recomputed on every write, never an action.
     *
     * @param nextDeadline the earliest SLA warning or breach still ahead, or null when no clock runs; the sweep finds
     *                     tickets by it
     * @param targetDueAt  the earliest SLA target still owed: a running clock's, or a breached clock's target that
     *                     passed and is still not met; null when none is owed. Queues sort by it, so an overdue
     *                     ticket comes before one that is not due yet (the next deadline moves on once a breach
     *                     fired, and cannot say that)
     * @param escalation   where the ticket stands in its escalation policy; null until triage
     * @param followUpAt   when the customer is to be asked whether the last resolution held (the policy's
     *                     {@code followUp}); null when none is owed. It shares the sweep's index
     */
    public record Clocks(Deadline nextDeadline, Instant targetDueAt, EscalationState escalation,
                         Instant followUpAt, Stay stay) {
        public static final Clocks NONE = new Clocks(null, null, null, null);

        public Clocks {
            stay = stay == null ? Stay.NONE : stay;
        }

        public Clocks(Deadline nextDeadline, Instant targetDueAt, EscalationState escalation) {
            this(nextDeadline, targetDueAt, escalation, null);
        }

        public Clocks(Deadline nextDeadline, Instant targetDueAt, EscalationState escalation, Instant followUpAt) {
            this(nextDeadline, targetDueAt, escalation, followUpAt, Stay.NONE);
        }
    }

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(work, "work");
        clocks = clocks == null ? Clocks.NONE : clocks;
    }

    /** A ticket as it is first stored, with its CREATED event. */
    public static TicketChange open(TicketId id, TicketDraft draft, String customerTokenSalt, Actor actor,
                                    Instant now) {
        Ticket ticket = new Ticket(id, new Request(draft.subject(), draft.description(), draft.requester(),
                draft.channel(), customerTokenSalt), new Classification(draft.impact(), draft.urgency(), null,
                draft.category(), null, null, draft.tags(), null), Work.fresh(), Clocks.NONE, now, now, 1);
        FieldMoves moves = FieldMoves.NONE.with(TicketField.STATUS, null, Status.NEW)
                .with(TicketField.CHANNEL, null, draft.channel()).with(TicketField.IMPACT, null, draft.impact())
                .with(TicketField.URGENCY, null, draft.urgency());
        TicketEvent created = new TicketEvent.Created(new EventHeader(id, 1, 0, now, actor, null, null), moves,
                draft.articlesSeen());
        return new TicketChange(null, ticket, List.of(created));
    }

    // ---- the parts' fields, for the many readers -----------------------------------------------------------------

    public String subject() {
        return request.subject();
    }

    public String description() {
        return request.description();
    }

    public Requester requester() {
        return request.requester();
    }

    public Channel channel() {
        return request.channel();
    }

    public String customerTokenSalt() {
        return request.customerTokenSalt();
    }

    public Level impact() {
        return classification.impact();
    }

    public Level urgency() {
        return classification.urgency();
    }

    public Priority priority() {
        return classification.priority();
    }

    public String category() {
        return classification.category();
    }

    public TeamName team() {
        return classification.team();
    }

    public Tier tier() {
        return classification.tier();
    }

    /** A tag {@code product-<name>} says the ticket is about product area {@code <name>}. */
    public static final String PRODUCT_TAG = "product-";

    /**
     * The product areas the ticket is about, from its {@code product-<name>} tags: routing needs skill {@code <name>}
     * for them, the escalation reviews count root causes per area.
     */
    public List<String> productAreas() {
        return tags().stream().filter(tag -> tag.startsWith(PRODUCT_TAG) && tag.length() > PRODUCT_TAG.length())
                .map(tag -> tag.substring(PRODUCT_TAG.length())).toList();
    }

    public List<String> tags() {
        return classification.tags();
    }

    public TicketSignals signals() {
        return classification.signals();
    }

    public Status status() {
        return work.status();
    }

    public PersonId assignee() {
        return work.assignee();
    }

    /**
     * Escalated at some point: escalated by a person or a policy (functional or hierarchical), an escalation policy
     * level was reached, or the ticket sits above tier 1 (the last two for tickets written before escalations were
     * counted).
     */
    public boolean wasEscalated() {
        return clocks.stay().escalations() > 0
                || (clocks.escalation() != null && clocks.escalation().level() > 0)
                || (tier() != null && tier().number() > 1);
    }

    public Resolution resolution() {
        return work.resolution();
    }

    public TransferRequest pendingTransfer() {
        return work.pendingTransfer();
    }

    public TicketId mergedInto() {
        return work.mergedInto();
    }

    public List<PersonId> watchers() {
        return work.watchers();
    }

    public Satisfaction satisfaction() {
        return work.satisfaction();
    }

    public Deadline nextDeadline() {
        return clocks.nextDeadline();
    }

    public Instant targetDueAt() {
        return clocks.targetDueAt();
    }

    public EscalationState escalation() {
        return clocks.escalation();
    }

    // ---- derived state: the same version ---------------------------------------------------------------------

    /** The same ticket at the same version with another next deadline: clocks are derived, not an action. */
    public Ticket withNextDeadline(Deadline deadline) {
        return withClocks(new Clocks(deadline, clocks.targetDueAt(), clocks.escalation(), clocks.followUpAt(),
                clocks.stay()));
    }

    /** The same ticket at the same version with both derived SLA instants: its next deadline and its target due. */
    public Ticket withClocks(Deadline deadline, Instant targetDue) {
        return withClocks(new Clocks(deadline, targetDue, clocks.escalation(), clocks.followUpAt(),
                clocks.stay()));
    }

    /** The same version with other derived state: clock and engine bookkeeping change no field of the ticket. */
    private Ticket withClocks(Clocks derived) {
        return new Ticket(id, request, classification, work, derived, createdAt, updatedAt, version);
    }

    public boolean isClosed() {
        return status() == Status.CLOSED;
    }

    /** Applies triage's decision and opens the ticket. Only a new ticket is triaged this way. */
    public TicketChange triage(TriageDecision decision, Actor actor, Instant now) {
        if (status() != Status.NEW) {
            throw new IllegalTransitionException(status(), Status.OPEN);
        }
        Edit edit = new Edit(actor, now);
        Classification routed = classification.withPriority(decision.priority())
                .withPlace(decision.team(), decision.tier()).withTagsAdded(decision.addTags());
        if (decision.category() != null) {
            routed = routed.withCategory(decision.category());
        }
        if (decision.signals() != null) {
            routed = routed.withSignals(decision.signals());
        }
        edit.classification = routed;
        edit.record(TicketEvent.EventType.TRIAGED, decision.reason(), null);
        edit.work = edit.work.withStatus(Status.OPEN);
        edit.record(TicketEvent.EventType.STATUS_CHANGED, "triaged", null);
        return edit.done();
    }

    /** A status move along the lifecycle; illegal moves are refused with what would have been allowed. */
    public TicketChange moveTo(Status target, Actor actor, Instant now, String reason) {
        if (!status().canMoveTo(target)) {
            throw new IllegalTransitionException(status(), target);
        }
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withStatus(target);
        if (target != Status.SOLVED && target != Status.CLOSED) {
            edit.work = edit.work.withResolution(null); // back in work, as after a reopen: the old one no longer holds
        } else {
            edit.work = edit.work.withPendingTransfer(null); // as in resolve: nobody can approve it any more
        }
        edit.record(TicketEvent.EventType.STATUS_CHANGED, reason, null);
        return edit.done();
    }

    public TicketChange assign(PersonId newAssignee, Actor actor, Instant now) {
        requireOpenForWork("assign");
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withAssignee(newAssignee);
        edit.record(TicketEvent.EventType.ASSIGNED, null, null);
        return edit.done();
    }

    /**
     * Automatic assignment gives the ticket to {@code person} and records why (routing decides; it never passes a
     * ticket someone assigned by hand).
     */
    public TicketChange autoAssign(PersonId person, AssignmentFacts facts, Actor actor, Instant now) {
        requireOpenForWork("assign");
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withAssignee(person);
        edit.record((header, moves) -> new TicketEvent.AutoAssigned(header, moves, facts), facts.summary(), null);
        return edit.done();
    }

    /**
     * Nobody fits now: the ticket waits unassigned in its team's queue with why; a re-offered ticket leaves its
     * absent assignee here.
     */
    public TicketChange awaitAssignment(AssignmentFacts facts, Actor actor, Instant now) {
        requireOpenForWork("assign");
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withAssignee(null);
        edit.record((header, moves) -> new TicketEvent.AssignmentWaiting(header, moves, facts),
                "waiting for a person: " + facts.summary(), null);
        return edit.done();
    }

    /** A public reply to the customer, or an internal note that only agents see. */
    public TicketChange agentReply(String body, boolean isPublic, Actor actor, Instant now) {
        requireOpenForWork(isPublic ? "reply to" : "add a note to");
        Edit edit = new Edit(actor, now);
        edit.record(isPublic ? TicketEvent.EventType.REPLIED : TicketEvent.EventType.NOTE_ADDED, null, body);
        return edit.done();
    }

    /** The customer wrote: a ticket waiting on them (pending) or solved comes back to the agents. */
    public TicketChange customerReply(String body, Actor actor, Instant now) {
        requireOpenForWork("reply to");
        Edit edit = new Edit(actor, now);
        edit.record(TicketEvent.EventType.CUSTOMER_REPLIED, null, body);
        if (status() == Status.PENDING || status() == Status.SOLVED) {
            edit.work = edit.work.withStatus(Status.OPEN).withResolution(null);
            edit.record(TicketEvent.EventType.STATUS_CHANGED, "customer replied", null);
        }
        return edit.done();
    }

    /** Changes impact, urgency and priority; an explicit priority overrides the matrix. The reason is mandatory. */
    public TicketChange changeLevels(Level newImpact, Level newUrgency, Priority newPriority, String reason,
                                     Actor actor, Instant now) {
        requireOpenForWork("re-prioritise");
        requireReason(reason);
        Edit edit = new Edit(actor, now);
        edit.classification = classification.withLevels(newImpact != null ? newImpact : impact(),
                newUrgency != null ? newUrgency : urgency(), newPriority != null ? newPriority : priority());
        edit.record(TicketEvent.EventType.LEVELS_CHANGED, reason, null);
        return edit.done();
    }

    /**
     * Hands the ticket to another team or tier. When the hand-over needs a supervisor's approval it waits as a
     * pending transfer; otherwise it happens now and the assignee is cleared (the new team picks it up).
     */
    public TicketChange transfer(TeamName newTeam, Tier newTier, String reason, boolean needsApproval, Actor actor,
                                 Instant now) {
        requireOpenForWork("transfer");
        requireReason(reason);
        TeamName targetTeam = newTeam != null ? newTeam : team();
        Tier targetTier = newTier != null ? newTier : tier();
        if (Objects.equals(targetTeam, team()) && targetTier == tier()) {
            throw new TicketActionException("the ticket is already with team " + team() + " at tier "
                    + (tier() == null ? "none" : tier().number()));
        }
        Edit edit = new Edit(actor, now);
        if (needsApproval) {
            edit.work = edit.work.withPendingTransfer(new TransferRequest(targetTeam, targetTier,
                    new PersonId(actor.id()), reason, now));
            edit.record(TicketEvent.EventType.TRANSFER_REQUESTED, reason, null);
        } else {
            edit.moveTo(targetTeam, targetTier, reason);
        }
        return edit.done();
    }

    /** A supervisor's decision on a pending transfer. */
    public TicketChange decideTransfer(boolean approve, String reason, Actor supervisor, Instant now) {
        TransferRequest request = pendingTransfer();
        if (request == null) {
            throw new TicketActionException("there is no transfer waiting for approval");
        }
        Edit edit = new Edit(supervisor, now);
        edit.work = edit.work.withPendingTransfer(null);
        if (approve) {
            edit.moveTo(request.team(), request.tier(), "approved: " + request.reason());
        } else {
            requireReason(reason);
            edit.record(TicketEvent.EventType.TRANSFER_REFUSED, reason, null);
        }
        return edit.done();
    }

    public TicketChange resolve(String note, String rootCause, Actor actor, Instant now) {
        return resolve(note, rootCause, null, actor, now);
    }

    /** Solves the ticket; {@code solvedWith}, when given, is the (already checked) article that answered it. */
    public TicketChange resolve(String note, String rootCause, ArticleRef solvedWith, Actor actor, Instant now) {
        if (!status().canMoveTo(Status.SOLVED)) {
            throw new IllegalTransitionException(status(), Status.SOLVED);
        }
        requireReason(note);
        Edit edit = new Edit(actor, now);
        // a transfer still waiting for approval is moot once the ticket is solved: nobody can approve it any more
        edit.work = edit.work.withStatus(Status.SOLVED).withResolution(new Resolution(note, rootCause, now))
                .withPendingTransfer(null);
        edit.record((header, moves) -> new TicketEvent.Resolved(header, moves, solvedWith), null, note);
        return edit.done();
    }

    /** Records that a draft article was proposed from this ticket (the article is written by the knowledge base). */
    public TicketChange proposeArticle(ArticleRef article, Actor actor, Instant now) {
        Edit edit = new Edit(actor, now);
        edit.record((header, moves) -> new TicketEvent.ArticleProposed(header, moves, article),
                "proposed article " + article.value(), null);
        return edit.done();
    }

    public TicketChange reopen(String reason, Actor actor, Instant now) {
        if (status() != Status.SOLVED) {
            throw new IllegalTransitionException(status(), Status.OPEN);
        }
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withStatus(Status.OPEN).withResolution(null);
        edit.record(TicketEvent.EventType.REOPENED, reason, null);
        return edit.done();
    }

    /**
     * Merges this duplicate into {@code survivor}: the duplicate is closed and points to the survivor, and the
     * survivor records which ticket was merged into it. Both changes are written together.
     */
    public List<TicketChange> mergeInto(Ticket survivor, String reason, Actor actor, Instant now) {
        if (survivor.id().equals(id)) {
            throw new TicketActionException("a ticket cannot be merged into itself");
        }
        requireOpenForWork("merge");
        if (survivor.isClosed()) {
            throw new TicketActionException("ticket " + survivor.id() + " is closed; merge into an open ticket");
        }
        Edit duplicate = new Edit(actor, now);
        duplicate.work = duplicate.work.withStatus(Status.CLOSED).withMergedInto(survivor.id())
                .withPendingTransfer(null);
        duplicate.record(TicketEvent.EventType.MERGED, reason, "merged into " + survivor.id());
        Edit kept = survivor.new Edit(actor, now);
        kept.record(TicketEvent.EventType.DUPLICATE_MERGED, reason, "ticket " + id + " was merged into this one");
        return List.of(duplicate.done(), kept.done());
    }

    /** The customer asks for someone with more authority; the escalation engine acts on the recorded request. */
    public TicketChange requestEscalation(String reason, Actor actor, Instant now) {
        return request(reason, actor, now, null).done();
    }

    /**
     * The customer asks for escalation while escalation {@code sequence} already reached someone senior: the
     * request is recorded with the escalation it found, and answered with a public update; nobody is alerted again.
     */
    public TicketChange requestEscalationAlreadyWith(String reason, int sequence, String answer, Actor actor,
                                                     Instant now) {
        Edit edit = request(reason, actor, now, sequence);
        edit.record((header, moves) -> new TicketEvent.CustomerUpdated(header, moves, null),
                "escalation request answered", answer);
        return edit.done();
    }

    private Edit request(String reason, Actor actor, Instant now, Integer alreadyEscalated) {
        requireOpenForWork("escalate");
        requireReason(reason);
        Edit edit = new Edit(actor, now);
        edit.record((header, moves) -> new TicketEvent.EscalationRequested(header, moves, alreadyEscalated), reason,
                null);
        return edit;
    }

    /**
     * The customer rates how the solved ticket was handled. A later rating replaces the earlier one; the trail keeps
     * both. A merged ticket is rated on the ticket it was merged into.
     */
    public TicketChange rateSatisfaction(int rating, String comment, Actor actor, Instant now) {
        if (status() != Status.SOLVED && status() != Status.CLOSED) {
            throw new TicketActionException("ticket " + id + " is " + status().code()
                    + "; it can be rated once it is solved");
        }
        if (mergedInto() != null) {
            throw new TicketActionException("ticket " + id + " was merged into " + mergedInto() + "; rate that one");
        }
        Edit edit = new Edit(actor, now);
        edit.work = edit.work.withSatisfaction(new Satisfaction(rating, comment, now));
        edit.record(TicketEvent.EventType.SATISFACTION_RATED, "rated " + rating + " of " + Satisfaction.HIGHEST,
                comment);
        return edit.done();
    }

    /**
     * An SLA warning or breach fell due and still holds; the escalation engine decides what it leads to. The event
     * is recorded when it fired ({@code now}) and names when it was due, so the trail shows any lateness.
     *
     * @param deadline identifies the deadline (metric, cycle, percent) so it is never fired twice
     */
    public TicketChange recordSlaDeadline(DeadlineKey deadline, String description, boolean breach, Instant dueAt,
                                          Actor actor, Instant now) {
        Edit edit = new Edit(actor, now);
        edit.record(breach ? (header, moves) -> new TicketEvent.SlaBreach(header, moves, deadline, dueAt)
                : (header, moves) -> new TicketEvent.SlaWarning(header, moves, deadline, dueAt), description, null);
        return edit.done();
    }

    /**
     * Applies an escalation: moves the ticket where the step says, records the escalation (kind, reason, from and
     * to, who decided, the level, who is notified) and, when the customer is to be told, a public update with the
     * message they get.
     */
    public TicketChange escalate(EscalationStep step, Actor actor, Instant now) {
        requireOpenForWork("escalate");
        Edit edit = new Edit(actor, now);
        boolean moves = step.team() != null && !step.team().equals(team())
                || step.tier() != null && step.tier() != tier();
        edit.classification = classification.withPlace(step.team() != null ? step.team() : team(),
                step.tier() != null ? step.tier() : tier());
        Work work = edit.work;
        if (moves) {
            work = work.withAssignee(null); // the receiving team picks it up, unless the step names someone
        }
        if (step.assignee() != null) {
            work = work.withAssignee(step.assignee());
        }
        if (step.priority() != null) {
            edit.classification = edit.classification.withPriority(step.priority());
        }
        work = work.withWatchersAdded(step.addWatchers());
        if (step.clearsPendingTransfer()) {
            work = work.withPendingTransfer(null);
        }
        edit.work = work;
        int fromLevel = escalation() == null ? 0 : escalation().level();
        edit.escalation = step.next();
        int sequence = step.next().sequence();
        // an approved escalation request: the agent who asked for it made it, the supervisor let it through
        PersonId requestedBy = step.clearsPendingTransfer() && pendingTransfer() != null
                ? pendingTransfer().requestedBy() : null;
        TicketEvent.EscalationFacts facts = new TicketEvent.EscalationFacts(sequence, step.kind(), step.reason(),
                new Move<>(fromLevel, step.next().level()), step.person(), step.customerRequested(),
                requestedBy);
        edit.record((header, fields) -> new TicketEvent.Escalated(header, fields, facts, step.recipients(),
                step.dueAt()), step.reasonText(), step.comment());
        if (step.customerMessage() != null) {
            edit.record((header, fields) -> new TicketEvent.CustomerUpdated(header, fields, sequence),
                    "escalation " + sequence, step.customerMessage());
        }
        return edit.done();
    }

    /**
     * The follow-up of resolution {@code resolution} fell due: the customer is asked, once, whether it held; the
     * follow-up instant is cleared by the clocks (see FollowUps).
     */
    public TicketChange requestFollowUp(long resolution, Instant dueAt, Actor actor, Instant now) {
        if (status() != Status.SOLVED) {
            throw new TicketActionException("ticket " + id + " is " + status().code() + "; only a solved ticket is "
                    + "followed up");
        }
        Edit edit = new Edit(actor, now);
        edit.record((header, moves) -> new TicketEvent.FollowUpRequested(header, moves, resolution, dueAt),
                "follow-up: did the problem stay solved?", null);
        return edit.done();
    }

    /**
     * The customer answers the follow-up of {@code resolution}: a rating given with it is recorded as a rating;
     * "not solved" reopens the ticket as {@link #reopen} would (only a solved ticket reopens).
     */
    public TicketChange answerFollowUp(long resolution, FollowUpAnswer answer, String comment, Actor actor,
                                       Instant now) {
        if (!answer.stayedSolved() && status() != Status.SOLVED) {
            throw new IllegalTransitionException(status(), Status.OPEN);
        }
        Edit edit = new Edit(actor, now);
        edit.record((header, moves) -> new TicketEvent.FollowUpAnswered(header, moves, resolution, answer),
                answer.stayedSolved() ? "stayed solved" : "not solved", comment);
        if (answer.rating() != null) {
            edit.work = edit.work.withSatisfaction(new Satisfaction(answer.rating(), comment, now));
            edit.record(TicketEvent.EventType.SATISFACTION_RATED, "rated " + answer.rating() + " of "
                    + Satisfaction.HIGHEST, null);
        }
        if (!answer.stayedSolved()) {
            edit.work = edit.work.withStatus(Status.OPEN).withResolution(null);
            edit.record(TicketEvent.EventType.REOPENED, "the customer says the problem is not solved (follow-up)",
                    null);
        }
        return edit.done();
    }

    /** An agent who received escalation {@code sequence} says whether it was needed and complete (see TicketCommands). */
    public TicketChange giveEscalationFeedback(int sequence, EscalationFeedback feedback, EscalationSender sender,
                                               String comment, Actor actor, Instant now) {
        Edit edit = new Edit(actor, now);
        edit.record((header, moves) -> new TicketEvent.EscalationFeedbackGiven(header, moves, sequence, feedback,
                        sender),
                "escalation " + sequence + (feedback.needed() ? " was needed" : " was not needed")
                        + (feedback.complete() ? " and complete" : ", incomplete"), comment);
        return edit.done();
    }

    /** An escalation event that changes only the escalation state: an acknowledgement, a reminder. */
    public TicketChange recordEscalation(TicketEvent.Factory kind, String reason, EscalationState next, Actor actor,
                                         Instant now) {
        requireOpenForWork("escalate");
        Edit edit = new Edit(actor, now);
        edit.escalation = next;
        edit.record(kind, reason, null);
        return edit.done();
    }

    /** The same ticket at the same version with another escalation state: bookkeeping, not an action. */
    public Ticket withEscalation(EscalationState state) {
        return withClocks(new Clocks(clocks.nextDeadline(), clocks.targetDueAt(), state, clocks.followUpAt(),
                clocks.stay()));
    }

    /** The same ticket at the same version with another follow-up instant: bookkeeping, not an action. */
    public Ticket withFollowUpAt(Instant at) {
        return withClocks(new Clocks(clocks.nextDeadline(), clocks.targetDueAt(), clocks.escalation(), at,
                clocks.stay()));
    }

    /** When the customer is next to be asked whether the problem stayed solved; null unless the ticket is solved. */
    public Instant followUpDueAt() {
        return status() == Status.SOLVED ? clocks.followUpAt() : null;
    }

    /** When the escalation engine next has work on this ticket; null when none (a closed ticket has none). */
    public Instant escalationDueAt() {
        return escalation() == null || isClosed() ? null : escalation().dueAt();
    }

    /**
     * How long a new ticket may wait for triage before the sweep sends its TicketCreated again: the publish after
     * the ticket's write can be lost (the process died between the two), and triage takes seconds when it is not.
     */
    public static final Duration TRIAGE_GRACE = Duration.ofMinutes(1);

    /** When a ticket still new should have been triaged by; null once it left {@link Status#NEW}. */
    public Instant triageDueAt() {
        return status() == Status.NEW ? createdAt.plus(TRIAGE_GRACE) : null;
    }

    /**
     * When triage, the engine, a clock or the follow-up next has work on this ticket: the earliest of its triage-by
     * instant, its SLA deadline, its escalation step and its follow-up.
     */
    public Instant nextDueAt() {
        return Stream.of(triageDueAt(), nextDeadline() == null ? null : nextDeadline().at(), escalationDueAt(),
                        followUpDueAt())
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private void requireOpenForWork(String action) {
        if (isClosed()) {
            throw new TicketActionException("ticket " + id + " is closed" + (mergedInto() != null
                    ? " (merged into " + mergedInto() + ")" : "") + "; cannot " + action + " it");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }

    private static <T> List<T> union(List<T> present, List<T> more) {
        List<T> union = new ArrayList<>(present);
        more.stream().filter(item -> !union.contains(item)).forEach(union::add);
        return union;
    }

    /**
     * One write's worth of changes to this ticket: start from the current parts, replace the parts that change,
     * record events; each event's moves are the fields that moved since the previous event of this edit, and
     * {@link #done()} bumps the version once.
     */
    private final class Edit {
        private final Actor actor;
        private final Instant now;
        private final List<TicketEvent> events = new ArrayList<>();
        private Ticket snapshot = Ticket.this;
        Classification classification = Ticket.this.classification;
        Work work = Ticket.this.work;
        EscalationState escalation = Ticket.this.escalation();

        Edit(Actor actor, Instant now) {
            this.actor = actor;
            this.now = now;
        }

        void moveTo(TeamName targetTeam, Tier targetTier, String reason) {
            classification = classification.withPlace(targetTeam, targetTier);
            work = work.withAssignee(null);
            record(TicketEvent.EventType.TRANSFERRED, reason, null);
        }

        void record(TicketEvent.EventType type, String reason, String body) {
            record(TicketEvent.plain(type), reason, body);
        }

        /** Records an event of that kind whose moves are the fields moved since the previous event of this edit. */
        void record(TicketEvent.Factory kind, String reason, String body) {
            settleFulfilledTransfer();
            Ticket current = build();
            events.add(kind.make(new EventHeader(id, version + 1, events.size(), now, actor, reason, body),
                    FieldMoves.between(snapshot, current)));
            snapshot = current;
        }

        TicketChange done() {
            return new TicketChange(Ticket.this, build(), events);
        }

        /**
         * A transfer waiting for approval is moot once the ticket is where it asked to go, however it got there (a
         * supervisor's own transfer or escalation, a policy level): nobody is left to approve it, and the event that
         * moved the ticket records that the request went.
         */
        private void settleFulfilledTransfer() {
            TransferRequest request = work.pendingTransfer();
            if (request != null && Objects.equals(request.team(), classification.team())
                    && request.tier() == classification.tier()) {
                work = work.withPendingTransfer(null);
            }
        }

        private Ticket build() {
            return new Ticket(id, request, classification, work, new Clocks(nextDeadline(), targetDueAt(),
                    escalation, clocks.followUpAt(), stay()), createdAt, now, version + 1);
        }

        /**
         * A move to another team or tier starts a stay, and so does a reopen; a person's escalation makes them its
         * sender.
         */
        private Stay stay() {
            Stay stay = clocks.stay();
            if (!Objects.equals(classification.team(), Ticket.this.team())
                    || (Ticket.this.status() == Status.SOLVED && !work.status().isDone())) {
                stay = stay.teamMovedAt(now);
            } else if (!Objects.equals(classification.tier(), Ticket.this.tier())) {
                stay = stay.tierMovedAt(now);
            }
            for (TicketEvent event : events) {
                if (event instanceof TicketEvent.Escalated escalated) {
                    // an automatic escalation has no sender: nobody is credited with how it ends
                    stay = stay.escalatedBy(EscalationSender.of(escalated.escalatedBy(), Ticket.this.team()));
                }
            }
            return stay;
        }
    }
}
