package io.tierline.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A customer's ticket, immutable: every action returns a {@link TicketChange} holding the next version and the audit
 * events that explain it, so the store can write both in one conditional transaction.
 * Priority, team and tier are null until triage has run.
 *
 * @param customerTokenSalt random per ticket; the customer's access token is derived from it (see CustomerTokens)
 * @param signals           language, frustration and escalation risk as triage read them; null until triage
 * @param mergedInto        set when this ticket was merged into another (it is then closed)
 * @param nextDeadline      the earliest SLA warning or breach still ahead, or null when no clock runs; the sweep
 *                          finds tickets by it
 * @param targetDueAt       the earliest SLA target still owed: a running clock's, or a breached clock's target that
 *                          passed and is still not met; null when none is owed. Queues sort by it, so an overdue
 *                          ticket comes before one that is not due yet (the next deadline moves on once a breach
 *                          fired, and cannot say that)
 * @param escalation        where the ticket stands in its escalation policy; null until triage
 * @param watchers          people who follow the ticket (added by escalations or by hand)
 * @param satisfaction      the customer's rating after resolution, or null
 */
public record Ticket(TicketId id, String subject, String description, Requester requester, Channel channel,
                     Status status, Level impact, Level urgency, Priority priority, String category, String team,
                     Tier tier, List<String> tags, TicketSignals signals, String assignee, Resolution resolution,
                     TransferRequest pendingTransfer, TicketId mergedInto, String customerTokenSalt,
                     Deadline nextDeadline, Instant targetDueAt, EscalationState escalation, List<String> watchers,
                     Satisfaction satisfaction, Instant createdAt, Instant updatedAt, long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
    }

    /** A ticket as it is first stored, with its CREATED event. */
    public static TicketChange open(TicketId id, TicketDraft draft, String customerTokenSalt, Actor actor,
                                    Instant now) {
        Ticket ticket = new Ticket(id, draft.subject(), draft.description(), draft.requester(), draft.channel(),
                Status.NEW, draft.impact(), draft.urgency(), null, draft.category(), null, null, draft.tags(), null,
                null, null, null, null, customerTokenSalt, null, null, null, List.of(), null, now, now, 1);
        List<Change> changes = List.of(new Change("status", null, Status.NEW.code()),
                new Change("channel", null, draft.channel().code()),
                new Change("impact", null, draft.impact().code()),
                new Change("urgency", null, draft.urgency().code()));
        AuditEvent created = new AuditEvent(id, 1, 0, now, actor, AuditEvent.EventType.CREATED, changes, null, null,
                Visibility.PUBLIC);
        return new TicketChange(null, ticket, List.of(created));
    }

    /** The same ticket at the same version with another next deadline: clocks are derived, not an action. */
    public Ticket withNextDeadline(Deadline deadline) {
        return derived(deadline, targetDueAt, escalation);
    }

    /** The same ticket at the same version with both derived SLA instants: its next deadline and its target due. */
    public Ticket withClocks(Deadline deadline, Instant targetDue) {
        return derived(deadline, targetDue, escalation);
    }

    /** The same version with other derived state: clock and engine bookkeeping change no field of the ticket. */
    private Ticket derived(Deadline deadline, Instant targetDue, EscalationState state) {
        return new Ticket(id, subject, description, requester, channel, status, impact, urgency, priority, category,
                team, tier, tags, signals, assignee, resolution, pendingTransfer, mergedInto, customerTokenSalt,
                deadline, targetDue, state, watchers, satisfaction, createdAt, updatedAt, version);
    }

    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    /** Applies triage's decision and opens the ticket. Only a new ticket is triaged this way. */
    public TicketChange triage(TriageDecision decision, Actor actor, Instant now) {
        if (status != Status.NEW) {
            throw new IllegalTransitionException(status, Status.OPEN);
        }
        Edit edit = new Edit(actor, now);
        edit.priority = decision.priority();
        edit.team = decision.team();
        edit.tier = decision.tier();
        if (decision.category() != null) {
            edit.category = decision.category();
        }
        edit.addTags(decision.addTags());
        if (decision.signals() != null) {
            edit.signals = decision.signals();
        }
        edit.record(AuditEvent.EventType.TRIAGED, decision.reason(), null);
        edit.status = Status.OPEN;
        edit.record(AuditEvent.EventType.STATUS_CHANGED, "triaged", null);
        return edit.done();
    }

    /** A status move along the lifecycle; illegal moves are refused with what would have been allowed. */
    public TicketChange moveTo(Status target, Actor actor, Instant now, String reason) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        Edit edit = new Edit(actor, now);
        edit.status = target;
        if (target != Status.SOLVED && target != Status.CLOSED) {
            edit.resolution = null; // back in work, as after a reopen: the old resolution no longer holds
        }
        edit.record(AuditEvent.EventType.STATUS_CHANGED, reason, null);
        return edit.done();
    }

    public TicketChange assign(String newAssignee, Actor actor, Instant now) {
        requireOpenForWork("assign");
        Edit edit = new Edit(actor, now);
        edit.assignee = newAssignee;
        edit.record(AuditEvent.EventType.ASSIGNED, null, null);
        return edit.done();
    }

    /** A public reply to the customer, or an internal note that only agents see. */
    public TicketChange agentReply(String body, boolean isPublic, Actor actor, Instant now) {
        requireOpenForWork(isPublic ? "reply to" : "add a note to");
        Edit edit = new Edit(actor, now);
        edit.record(isPublic ? AuditEvent.EventType.REPLIED : AuditEvent.EventType.NOTE_ADDED, null, body);
        return edit.done();
    }

    /** The customer wrote: a ticket waiting on them (pending) or solved comes back to the agents. */
    public TicketChange customerReply(String body, Actor actor, Instant now) {
        requireOpenForWork("reply to");
        Edit edit = new Edit(actor, now);
        edit.record(AuditEvent.EventType.CUSTOMER_REPLIED, null, body);
        if (status == Status.PENDING || status == Status.SOLVED) {
            edit.status = Status.OPEN;
            edit.resolution = null;
            edit.record(AuditEvent.EventType.STATUS_CHANGED, "customer replied", null);
        }
        return edit.done();
    }

    /** Changes impact, urgency and priority; an explicit priority overrides the matrix. The reason is mandatory. */
    public TicketChange changeLevels(Level newImpact, Level newUrgency, Priority newPriority, String reason,
                                     Actor actor, Instant now) {
        requireOpenForWork("re-prioritise");
        requireReason(reason);
        Edit edit = new Edit(actor, now);
        edit.impact = newImpact != null ? newImpact : impact;
        edit.urgency = newUrgency != null ? newUrgency : urgency;
        edit.priority = newPriority != null ? newPriority : priority;
        edit.record(AuditEvent.EventType.LEVELS_CHANGED, reason, null);
        return edit.done();
    }

    /**
     * Hands the ticket to another team or tier. When the hand-over needs a supervisor's approval it waits as a
     * pending transfer; otherwise it happens now and the assignee is cleared (the new team picks it up).
     */
    public TicketChange transfer(String newTeam, Tier newTier, String reason, boolean needsApproval, Actor actor,
                                 Instant now) {
        requireOpenForWork("transfer");
        requireReason(reason);
        String targetTeam = newTeam != null ? newTeam : team;
        Tier targetTier = newTier != null ? newTier : tier;
        if (Objects.equals(targetTeam, team) && targetTier == tier) {
            throw new TicketActionException("the ticket is already with team " + team + " at tier "
                    + (tier == null ? "none" : tier.number()));
        }
        Edit edit = new Edit(actor, now);
        if (needsApproval) {
            edit.pendingTransfer = new TransferRequest(targetTeam, targetTier, actor.id(), reason, now);
            edit.record(AuditEvent.EventType.TRANSFER_REQUESTED, reason, null);
        } else {
            edit.moveTo(targetTeam, targetTier, reason);
        }
        return edit.done();
    }

    /** A supervisor's decision on a pending transfer. */
    public TicketChange decideTransfer(boolean approve, String reason, Actor supervisor, Instant now) {
        if (pendingTransfer == null) {
            throw new TicketActionException("there is no transfer waiting for approval");
        }
        Edit edit = new Edit(supervisor, now);
        TransferRequest request = pendingTransfer;
        edit.pendingTransfer = null;
        if (approve) {
            edit.moveTo(request.team(), request.tier(), "approved: " + request.reason());
        } else {
            requireReason(reason);
            edit.record(AuditEvent.EventType.TRANSFER_REFUSED, reason, null);
        }
        return edit.done();
    }

    public TicketChange resolve(String note, String rootCause, Actor actor, Instant now) {
        if (!status.canMoveTo(Status.SOLVED)) {
            throw new IllegalTransitionException(status, Status.SOLVED);
        }
        requireReason(note);
        Edit edit = new Edit(actor, now);
        edit.status = Status.SOLVED;
        edit.resolution = new Resolution(note, rootCause);
        edit.record(AuditEvent.EventType.RESOLVED, null, note);
        return edit.done();
    }

    public TicketChange reopen(String reason, Actor actor, Instant now) {
        if (status != Status.SOLVED) {
            throw new IllegalTransitionException(status, Status.OPEN);
        }
        Edit edit = new Edit(actor, now);
        edit.status = Status.OPEN;
        edit.resolution = null;
        edit.record(AuditEvent.EventType.REOPENED, reason, null);
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
        duplicate.status = Status.CLOSED;
        duplicate.mergedInto = survivor.id();
        duplicate.pendingTransfer = null;
        duplicate.record(AuditEvent.EventType.MERGED, reason, "merged into " + survivor.id());
        Edit kept = survivor.new Edit(actor, now);
        kept.record(AuditEvent.EventType.DUPLICATE_MERGED, reason, "ticket " + id + " was merged into this one");
        return List.of(duplicate.done(), kept.done());
    }

    /** The customer asks for someone with more authority; the escalation engine acts on the recorded request. */
    public TicketChange requestEscalation(String reason, Actor actor, Instant now) {
        return request(reason, actor, now, List.of()).done();
    }

    /**
     * The customer asks for escalation while escalation {@code sequence} already reached someone senior: the
     * request is recorded with the escalation it found, and answered with a public update; nobody is alerted again.
     */
    public TicketChange requestEscalationAlreadyWith(String reason, int sequence, String answer, Actor actor,
                                                     Instant now) {
        Edit edit = request(reason, actor, now, List.of(new Change(ALREADY_ESCALATED, null,
                Integer.toString(sequence))));
        edit.record(AuditEvent.EventType.CUSTOMER_UPDATED, "escalation request answered", answer);
        return edit.done();
    }

    private Edit request(String reason, Actor actor, Instant now, List<Change> facts) {
        requireOpenForWork("escalate");
        requireReason(reason);
        Edit edit = new Edit(actor, now);
        edit.record(AuditEvent.EventType.ESCALATION_REQUESTED, reason, null, facts);
        return edit;
    }

    /**
     * The customer rates how the solved ticket was handled. A later rating replaces the earlier one; the trail keeps
     * both. A merged ticket is rated on the ticket it was merged into.
     */
    public TicketChange rateSatisfaction(int rating, String comment, Actor actor, Instant now) {
        if (status != Status.SOLVED && status != Status.CLOSED) {
            throw new TicketActionException("ticket " + id + " is " + status.code()
                    + "; it can be rated once it is solved");
        }
        if (mergedInto != null) {
            throw new TicketActionException("ticket " + id + " was merged into " + mergedInto + "; rate that one");
        }
        Edit edit = new Edit(actor, now);
        edit.satisfaction = new Satisfaction(rating, comment, now);
        edit.record(AuditEvent.EventType.SATISFACTION_RATED, "rated " + rating + " of " + Satisfaction.HIGHEST,
                comment);
        return edit.done();
    }

    /**
     * An SLA warning or breach fell due and still holds; the escalation engine decides what it leads to. The event
     * is recorded when it fired ({@code now}) and names when it was due, so the trail shows any lateness.
     *
     * @param deadlineKey identifies the deadline (metric, cycle, percent) so it is never fired twice
     */
    public TicketChange recordSlaDeadline(String deadlineKey, String description, boolean breach, Instant dueAt,
                                          Actor actor, Instant now) {
        Edit edit = new Edit(actor, now);
        edit.record(breach ? AuditEvent.EventType.SLA_BREACH : AuditEvent.EventType.SLA_WARNING, description, null,
                List.of(new Change(SLA_DEADLINE_FIELD, null, deadlineKey), dueAt(dueAt)));
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
        boolean moves = step.team() != null && !step.team().equals(team) || step.tier() != null && step.tier() != tier;
        if (step.team() != null) {
            edit.team = step.team();
        }
        if (step.tier() != null) {
            edit.tier = step.tier();
        }
        if (moves) {
            edit.assignee = null; // the receiving team picks it up, unless the step names someone
        }
        if (step.assignee() != null) {
            edit.assignee = step.assignee();
        }
        if (step.priority() != null) {
            edit.priority = step.priority();
        }
        edit.addWatchers(step.addWatchers());
        if (step.clearsPendingTransfer()) {
            edit.pendingTransfer = null;
        }
        int fromLevel = escalation == null ? 0 : escalation.level();
        edit.escalation = step.next();
        List<Change> facts = new ArrayList<>(List.of(
                new Change(ESCALATION_SEQUENCE, null, Integer.toString(step.next().sequence())),
                new Change("escalationKind", null, step.kind().code()),
                new Change("escalationReason", null, step.reason()),
                new Change("escalationLevel", Integer.toString(fromLevel), Integer.toString(step.next().level()))));
        if (step.person() != null) {
            facts.add(new Change("escalatedTo", null, step.person()));
        }
        if (step.customerRequested()) {
            facts.add(new Change("customerRequested", null, "true"));
        }
        if (!step.recipients().isEmpty()) {
            facts.add(new Change(NOTIFIED, null, String.join(",", step.recipients())));
        }
        if (step.dueAt() != null) {
            facts.add(dueAt(step.dueAt()));
        }
        edit.record(AuditEvent.EventType.ESCALATED, step.reasonText(), step.comment(), facts);
        if (step.customerMessage() != null) {
            edit.record(AuditEvent.EventType.CUSTOMER_UPDATED, "escalation " + step.next().sequence(),
                    step.customerMessage(), List.of(new Change(ESCALATION_SEQUENCE, null,
                            Integer.toString(step.next().sequence()))));
        }
        return edit.done();
    }

    /** An escalation event that changes only the escalation state: an acknowledgement, a reminder. */
    public TicketChange recordEscalation(AuditEvent.EventType type, String reason, EscalationState next,
                                         List<Change> facts, Actor actor, Instant now) {
        requireOpenForWork("escalate");
        Edit edit = new Edit(actor, now);
        edit.escalation = next;
        edit.record(type, reason, null, facts);
        return edit.done();
    }

    /** The same ticket at the same version with another escalation state: bookkeeping, not an action. */
    public Ticket withEscalation(EscalationState state) {
        return derived(nextDeadline, targetDueAt, state);
    }

    /** When the escalation engine next has work on this ticket; null when none (a closed ticket has none). */
    public Instant escalationDueAt() {
        return escalation == null || isClosed() ? null : escalation.dueAt();
    }

    /**
     * How long a new ticket may wait for triage before the sweep sends its TicketCreated again: the publish after
     * the ticket's write can be lost (the process died between the two), and triage takes seconds when it is not.
     */
    public static final Duration TRIAGE_GRACE = Duration.ofMinutes(1);

    /** When a ticket still new should have been triaged by; null once it left {@link Status#NEW}. */
    public Instant triageDueAt() {
        return status == Status.NEW ? createdAt.plus(TRIAGE_GRACE) : null;
    }

    /**
     * When triage, the engine or a clock next has work on this ticket: the earliest of its triage-by instant, its
     * SLA deadline and its escalation step.
     */
    public Instant nextDueAt() {
        return Stream.of(triageDueAt(), nextDeadline == null ? null : nextDeadline.at(), escalationDueAt())
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The change field that numbers an escalation in the trail. */
    public static final String ESCALATION_SEQUENCE = "escalationSequence";
    /** The change field that lists who an escalation notified. */
    public static final String NOTIFIED = "notified";
    /**
     * The change field of a customer's escalation request that alerted nobody, because escalation n (its value)
     * had already reached someone senior.
     */
    public static final String ALREADY_ESCALATED = "alreadyEscalated";

    /** The change field that names a fired SLA deadline in the audit trail. */
    public static final String SLA_DEADLINE_FIELD = "slaDeadline";
    /**
     * The change field of a timed step (an SLA warning or breach, a delayed level, a reminder, an acknowledgement
     * timeout) that holds the instant it was due; the event's own instant is when it happened.
     */
    public static final String DUE_AT = "dueAt";

    /** The fact that a timed step was due at {@code at}. */
    public static Change dueAt(Instant at) {
        return new Change(DUE_AT, null, at.toString());
    }

    private void requireOpenForWork(String action) {
        if (isClosed()) {
            throw new TicketActionException("ticket " + id + " is closed" + (mergedInto != null
                    ? " (merged into " + mergedInto + ")" : "") + "; cannot " + action + " it");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }

    /**
     * One write's worth of changes to this ticket: start from the current values, set what changes, record events;
     * {@link #done()} derives the field changes of each event and bumps the version once.
     */
    private final class Edit {
        private final Actor actor;
        private final Instant now;
        private final List<AuditEvent> events = new ArrayList<>();
        private Ticket snapshot = Ticket.this;
        Status status = Ticket.this.status;
        Level impact = Ticket.this.impact;
        Level urgency = Ticket.this.urgency;
        Priority priority = Ticket.this.priority;
        String category = Ticket.this.category;
        String team = Ticket.this.team;
        Tier tier = Ticket.this.tier;
        List<String> tags = Ticket.this.tags;
        TicketSignals signals = Ticket.this.signals;
        String assignee = Ticket.this.assignee;
        Resolution resolution = Ticket.this.resolution;
        TransferRequest pendingTransfer = Ticket.this.pendingTransfer;
        TicketId mergedInto = Ticket.this.mergedInto;
        EscalationState escalation = Ticket.this.escalation;
        List<String> watchers = Ticket.this.watchers;
        Satisfaction satisfaction = Ticket.this.satisfaction;

        Edit(Actor actor, Instant now) {
            this.actor = actor;
            this.now = now;
        }

        /** Adds the tags the ticket does not carry yet, keeping their order. */
        void addTags(List<String> more) {
            List<String> union = new ArrayList<>(tags);
            more.stream().filter(tag -> !union.contains(tag)).forEach(union::add);
            tags = union;
        }

        void addWatchers(List<String> more) {
            List<String> union = new ArrayList<>(watchers);
            more.stream().filter(w -> !union.contains(w)).forEach(union::add);
            watchers = union;
        }

        void moveTo(String targetTeam, Tier targetTier, String reason) {
            team = targetTeam;
            tier = targetTier;
            assignee = null;
            record(AuditEvent.EventType.TRANSFERRED, reason, null);
        }

        /** Records an event whose changes are the field moves since the previous event of this edit. */
        void record(AuditEvent.EventType type, String reason, String body) {
            record(type, reason, body, List.of());
        }

        void record(AuditEvent.EventType type, String reason, String body, List<Change> extra) {
            Ticket current = build();
            List<Change> changes = new ArrayList<>(differences(snapshot, current));
            changes.addAll(extra);
            events.add(new AuditEvent(id, version + 1, events.size(), now, actor, type, changes, reason, body,
                    type.visibility()));
            snapshot = current;
        }

        TicketChange done() {
            return new TicketChange(Ticket.this, build(), events);
        }

        private Ticket build() {
            return new Ticket(id, subject, description, requester, channel, status, impact, urgency, priority,
                    category, team, tier, tags, signals, assignee, resolution, pendingTransfer, mergedInto,
                    customerTokenSalt, nextDeadline, targetDueAt, escalation, watchers, satisfaction, createdAt, now,
                    version + 1);
        }
    }

    private static List<Change> differences(Ticket a, Ticket b) {
        List<Change> changes = new ArrayList<>();
        add(changes, "status", a.status.code(), b.status.code());
        add(changes, "impact", a.impact.code(), b.impact.code());
        add(changes, "urgency", a.urgency.code(), b.urgency.code());
        add(changes, "priority", a.priority == null ? null : a.priority.code(),
                b.priority == null ? null : b.priority.code());
        add(changes, "category", a.category, b.category);
        add(changes, "team", a.team, b.team);
        add(changes, "tier", a.tier == null ? null : Integer.toString(a.tier.number()),
                b.tier == null ? null : Integer.toString(b.tier.number()));
        add(changes, "tags", String.join(",", a.tags), String.join(",", b.tags));
        add(changes, "language", signal(a, TicketSignals::language), signal(b, TicketSignals::language));
        add(changes, "frustration", signal(a, TicketSignals::frustration), signal(b, TicketSignals::frustration));
        add(changes, "escalationRisk", signal(a, TicketSignals::escalationRisk),
                signal(b, TicketSignals::escalationRisk));
        add(changes, "assignee", a.assignee, b.assignee);
        add(changes, "pendingTransfer", a.pendingTransfer == null ? null : describe(a.pendingTransfer),
                b.pendingTransfer == null ? null : describe(b.pendingTransfer));
        add(changes, "mergedInto", a.mergedInto == null ? null : a.mergedInto.value(),
                b.mergedInto == null ? null : b.mergedInto.value());
        add(changes, "watchers", String.join(",", a.watchers), String.join(",", b.watchers));
        // the note is the resolved event's body; the root cause is a field of its own, for the reviews to count
        add(changes, "rootCause", a.resolution == null ? null : a.resolution.rootCause(),
                b.resolution == null ? null : b.resolution.rootCause());
        add(changes, "satisfaction", a.satisfaction == null ? null : Integer.toString(a.satisfaction.rating()),
                b.satisfaction == null ? null : Integer.toString(b.satisfaction.rating()));
        return changes;
    }

    private static String signal(Ticket ticket, Function<TicketSignals, Object> part) {
        return ticket.signals == null ? null : String.valueOf(part.apply(ticket.signals));
    }

    private static String describe(TransferRequest request) {
        return request.team() + " tier " + (request.tier() == null ? "-" : request.tier().number());
    }

    private static void add(List<Change> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new Change(field, from, to));
        }
    }
}
