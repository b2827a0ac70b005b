package io.tierline.core.escalation;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.sla.SlaSubject;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.EscalationStep;
import io.tierline.core.ticket.FanOutMark;
import io.tierline.core.ticket.Move;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Recipient;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketActionException;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TransferRequest;
import io.tierline.core.time.PlainTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides every escalation: a policy's levels (on SLA warnings and breaches, after delays, with reminders and
 * acknowledgement timeouts), an agent's manual escalation, a customer's request, and "escalate to next". It only
 * computes changes; {@link EscalationService} stores them and hands the notifications to the notify queue.
 *
 * <p>An episode starts with the first level; it walks up while nobody acknowledges it. An acknowledgement holds
 * it; a public reply, or the ticket leaving the agents' hands (pending, solved, closed), settles it: the level goes
 * back to 0 and later trouble starts a new episode from the first matching level.
 */
public class EscalationEngine {
    static final Actor ENGINE = Actor.system("escalation");
    private static final Set<Status> SETTLING = Set.of(Status.PENDING, Status.SOLVED, Status.CLOSED);
    private static final String REQUEST_RECEIVED = "We received your request to escalate.";

    private final Supplier<EscalationPolicies> policies;
    private final ClockKeeper clocks;

    public EscalationEngine(Supplier<EscalationPolicies> policies, ClockKeeper clocks) {
        this.policies = policies;
        this.clocks = clocks;
    }

    public EscalationPolicies policies() {
        return policies.get();
    }

    /**
     * Keeps the escalation state in step with any change: chooses the policy once the ticket is triaged (arming a
     * first level that waits a delay), and settles the episode on a public reply or when the ticket leaves the
     * agents' hands. Changes made by the engine itself pass unchanged.
     */
    public TicketChange follow(TicketChange change) {
        Ticket after = change.after();
        if (after.status() == Status.NEW) {
            return change;
        }
        EscalationState state = after.escalation();
        Instant now = after.updatedAt();
        Optional<EscalationPolicy> chosen = policies.get().applicableTo(subject(after));
        if (state == null) {
            EscalationState start = EscalationState.fresh(chosen.map(EscalationPolicy::name).orElse(null), 0, 0, now,
                    0, null);
            return with(change, armFirstLevel(start, chosen));
        }
        boolean settles = change.events().stream().anyMatch(EscalationEngine::settles);
        if (settles && (state.level() > 0 || state.nextStep() != null || state.isAcknowledged())) {
            return with(change, state.settled());
        }
        if (state.level() == 0 && chosen.isPresent() && !chosen.get().name().equals(state.policy())) {
            return with(change, state.withPolicy(chosen.get().name()));
        }
        return change;
    }

    /** A fired SLA warning or breach starts the first later level it triggers, unless someone acknowledged. */
    public TicketChange onSlaDeadline(TicketChange fired, List<TicketEvent> trail, Deadline deadline, Instant now) {
        Ticket ticket = fired.after();
        EscalationState state = ticket.escalation();
        Optional<EscalationPolicy> policy = policyOf(ticket);
        if (state == null || policy.isEmpty() || state.isAcknowledged() || ticket.isClosed()) {
            return fired;
        }
        for (EscalationLevel level : policy.get().levels()) {
            if (level.number() > state.level() && level.trigger() != null
                    && level.trigger().matchesSla(deadline.metric(), deadline.isBreach())) {
                List<TicketEvent> all = concat(trail, fired.events());
                return fired.then(t -> applyLevel(t, all, policy.get(), level, EscalationKind.AUTOMATIC,
                        ENGINE, deadline.at(), now, null));
            }
        }
        return fired;
    }

    /** The ticket's next step, if it is due by {@code now}: the next level, a reminder or an expired acknowledgement. */
    public Optional<TicketChange> stepDue(Ticket ticket, List<TicketEvent> trail, Instant now) {
        EscalationState state = ticket.escalation();
        if (state == null || state.nextStep() == null || state.nextStepAt().isAfter(now) || ticket.isClosed()) {
            return Optional.empty();
        }
        Optional<EscalationPolicy> policy = policyOf(ticket);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        // recorded when it runs, naming when it was due: a late sweep shows in the trail, and the level's
        // timers still run from the due instant, so lateness does not add up from level to level
        Instant at = state.nextStepAt();
        switch (state.nextStep()) {
            case NEXT_LEVEL:
                return policy.get().level(state.level() + 1).map(level -> applyLevel(ticket, trail, policy.get(),
                        level, EscalationKind.AUTOMATIC, ENGINE, at, now, null));
            case REMINDER:
                return policy.get().level(state.level()).map(level -> remind(ticket, policy.get(), level, at, now));
            default:
                return policy.get().level(state.level()).map(level -> retrigger(ticket, trail, policy.get(), level, at,
                        now));
        }
    }

    /** "Escalate to next": the next level now, whatever its trigger, clearing any acknowledgement. */
    public TicketChange escalateToNext(Ticket ticket, List<TicketEvent> trail, String comment, Actor actor,
                                       Instant now) {
        EscalationPolicy policy = policyOf(ticket).orElseThrow(() -> new TicketActionException(
                "no escalation policy applies to this ticket"));
        int current = ticket.escalation() == null ? 0 : ticket.escalation().level();
        EscalationLevel next = policy.level(current + 1).orElseThrow(() -> new TicketActionException(
                "the ticket is already at the last level (" + current + ") of policy " + policy.name()));
        return applyLevel(ticket, trail, policy, next, null, actor, null, now, comment);
    }

    /**
     * A functional or hierarchical escalation by an agent. A functional one that needs a supervisor's approval
     * waits as a pending transfer and is recorded as an escalation when approved.
     */
    public TicketChange escalateByHand(Ticket ticket, List<TicketEvent> trail, ManualEscalation request,
                                       boolean needsApproval, Actor actor, Instant now) {
        if (request.kind() == EscalationKind.FUNCTIONAL) {
            Tier tier = request.tierFor(ticket);
            if (needsApproval) {
                return ticket.transfer(request.team(), tier, escalationText(request), true, actor, now);
            }
            return ticket.escalate(functionalStep(ticket, trail, request.reason(), request.comment(), request.team(),
                    tier, now, false), actor, now);
        }
        if (request.kind() != EscalationKind.HIERARCHICAL) {
            throw new IllegalArgumentException("kind must be functional or hierarchical");
        }
        return ticket.escalate(hierarchicalStep(ticket, trail, request.reason(), request.comment(),
                request.to() == null ? Seniority.SUPERVISOR : request.to(), now, false), actor, now);
    }

    /**
     * The customer asked for escalation: a hierarchical escalation to the team's supervisor, recorded as theirs.
     * When the current episode already reached the team's supervisor or manager within the policy's interval
     * ({@link EscalationRequests#notifyAgainAfter()}), the request is recorded and the customer told so, but
     * nobody is alerted again: repeated clicks must not flood the supervisor.
     */
    public TicketChange customerRequest(Ticket ticket, List<TicketEvent> trail, String reason, Actor customer,
                                        Instant now) {
        Optional<TeamContacts> seniors = policies.get().directory().team(ticket.team())
                .filter(c -> c.supervisor() != null || c.manager() != null);
        if (seniors.isEmpty()) {
            // recorded for the team's queue; nobody in the directory to escalate to
            return ticket.requestEscalation(reason, customer, now);
        }
        Optional<FanOut.Notifying> alerted = seniorAlerted(trail, seniors.get(),
                now.minus(policies.get().requests().notifyAgainAfter()));
        if (alerted.isPresent()) {
            String answer = REQUEST_RECEIVED + " It is already with a senior member of our " + readable(ticket.team())
                    + " team (since " + PlainTime.of(alerted.get().event().at(), ZoneOffset.UTC) + "). "
                    + answerEstimate(ticket, trail, now);
            return ticket.requestEscalationAlreadyWith(reason, alerted.get().sequence(), answer, customer, now);
        }
        TicketChange requested = ticket.requestEscalation(reason, customer, now);
        List<TicketEvent> all = concat(trail, requested.events());
        return requested.then(t -> t.escalate(hierarchicalStep(t, all, EscalationReason.CUSTOMER_REQUEST, reason,
                Seniority.SUPERVISOR, now, true), customer, now));
    }

    /** A supervisor approves a pending transfer that an agent's functional escalation asked for. */
    public TicketChange approveEscalation(Ticket ticket, List<TicketEvent> trail, Actor supervisor, Instant now) {
        TransferRequest request = ticket.pendingTransfer();
        EscalationReason reason = reasonIn(request.reason());
        EscalationStep step = functionalStep(ticket, trail, reason, "approved by " + supervisor.id() + ": "
                + request.reason(), request.team(), request.tier(), now, true);
        return ticket.escalate(step, supervisor, now);
    }

    /**
     * Whether the customer's latest escalation request was answered as already with a senior person (and so alerted
     * nobody), rather than escalated.
     */
    public static boolean lastRequestWasAlreadyEscalated(List<TicketEvent> trail) {
        return trail.stream().filter(e -> e instanceof TicketEvent.EscalationRequested)
                .map(e -> (TicketEvent.EscalationRequested) e).reduce((a, b) -> b)
                .map(e -> e.alreadyEscalated() != null).orElse(false);
    }

    /** Whether a pending transfer was asked for by an escalation (its reason starts with the escalation code). */
    public static boolean isEscalation(TransferRequest request) {
        return request != null && reasonIn(request.reason()) != null;
    }

    /** An acknowledgement by someone working on it: the walk stops; a timeout may re-trigger the level. */
    public TicketChange acknowledge(Ticket ticket, Actor actor, Instant now) {
        EscalationState state = ticket.escalation();
        if (state == null || state.sequence() == 0) {
            throw new TicketActionException("there is no escalation to acknowledge");
        }
        if (state.isAcknowledged()) {
            throw new TicketActionException("already acknowledged by " + state.acknowledgedBy() + " at "
                    + state.acknowledgedAt());
        }
        Optional<EscalationPolicy> policy = policyOf(ticket);
        boolean timesOut = policy.isPresent() && policy.get().acknowledgementTimeout() != null && state.level() > 0;
        EscalationState next = state.acknowledged(actor.id(), now).withNextStep(
                timesOut ? EscalationState.Step.ACKNOWLEDGEMENT_TIMEOUT : null,
                timesOut ? now.plus(policy.get().acknowledgementTimeout()) : null);
        String reason = timesOut ? "a public update is expected within "
                + io.tierline.core.sla.DurationText.format(policy.get().acknowledgementTimeout()) : null;
        return ticket.recordEscalation((header, moves) -> new TicketEvent.Acknowledged(header, moves,
                state.sequence()), reason, next, actor, now);
    }

    // ---- levels ------------------------------------------------------------------------------------------------

    /**
     * @param dueAt when a timed level was due (its trigger's instant), or null when someone runs it now; the level
     *              starts at its due instant and is recorded at {@code now}
     */
    private TicketChange applyLevel(Ticket ticket, List<TicketEvent> trail, EscalationPolicy policy,
                                    EscalationLevel level, EscalationKind kind, Actor actor, Instant dueAt,
                                    Instant now, String comment) {
        Instant at = dueAt != null ? dueAt : now;
        Directory directory = policies.get().directory();
        TeamName team = null;
        Tier tier = null;
        PersonId assignee = null;
        Optional<Tier> tierTarget = level.targets(Target.ToTier.class).map(Target.ToTier::tier).findFirst();
        if (level.does(LevelAction.REASSIGN)) {
            team = level.targets(Target.ToTeam.class).map(Target.ToTeam::team).findFirst().orElse(null);
            tier = tierTarget.orElse(null);
        }
        if (level.does(LevelAction.RAISE_TIER)) {
            tier = tierTarget.orElse(ticket.tier() == null ? null
                    : ticket.tier().above().orElse(ticket.tier()));
        }
        TeamName teamAfter = team != null ? team : ticket.team();
        List<PersonId> people = people(level.targets(), ticket, teamAfter, directory, at);
        if (level.does(LevelAction.REASSIGN) && level.targets().stream().anyMatch(Target::namesSomeone)) {
            assignee = people.isEmpty() ? null : people.get(0);
        }
        Priority priority = level.does(LevelAction.RAISE_PRIORITY) && ticket.priority() != null
                && ticket.priority() != Priority.URGENT ? Priority.values()[ticket.priority().ordinal() - 1] : null;
        List<Recipient> recipients = level.does(LevelAction.NOTIFY) ? recipients(level, people, directory)
                : List.of();
        boolean moves = team != null && !team.equals(ticket.team()) || tier != null && tier != ticket.tier();
        EscalationKind recordedKind = kind != null ? kind : moves ? EscalationKind.FUNCTIONAL
                : EscalationKind.HIERARCHICAL;
        EscalationState state = ticket.escalation();
        int sequence = state.sequence() + 1;
        boolean tell = level.tellCustomer() != null ? level.tellCustomer() : moves;
        String message = tell ? customerMessage(ticket, trail, now, null, new Told(teamAfter,
                tier != null ? tier : ticket.tier(), moves, priority)) : null;
        EscalationState next = plan(policy, EscalationState.fresh(policy.name(), level.number(), sequence, at, 0,
                fanOut(sequence, level.number(), 0, recipients, message)));
        String reasonCode = kind == EscalationKind.AUTOMATIC ? triggerCode(level.trigger()) : "escalate-to-next";
        String reasonText = "level " + level.number() + " of policy " + policy.name() + " ("
                + (kind == EscalationKind.AUTOMATIC ? level.trigger().describe() : "escalated to next by hand") + ")";
        EscalationStep step = EscalationStep.toLevel(recordedKind, reasonCode, reasonText, next)
                .withComment(comment)
                .withMove(new EscalationStep.Move(team, tier, assignee, priority, false))
                .withAudience(new EscalationStep.Audience(people.isEmpty() ? null : people.get(0), recipients,
                        level.does(LevelAction.ADD_WATCHERS) ? people : List.of(), message))
                .withDueAt(dueAt);
        return ticket.escalate(step, actor, now);
    }

    private TicketChange remind(Ticket ticket, EscalationPolicy policy, EscalationLevel level, Instant at,
                                Instant now) {
        EscalationState state = ticket.escalation();
        int reminder = state.reminders() + 1;
        List<PersonId> people = people(level.targets(), ticket, ticket.team(), policies.get().directory(), at);
        List<Recipient> recipients = recipients(level, people, policies.get().directory());
        EscalationState next = plan(policy, EscalationState.fresh(state.policy(), state.level(), state.sequence(),
                state.levelAt(), reminder, fanOut(state.sequence(), state.level(), reminder, recipients, null)));
        return ticket.recordEscalation((header, moves) -> new TicketEvent.EscalationReminder(header, moves,
                        state.sequence(), new Move<>(state.reminders(), reminder), recipients, at), "reminder "
                        + reminder + " of " + level.repeatTimes() + " for level " + level.number()
                        + ": still not acknowledged", next, ENGINE, now);
    }

    /** The acknowledgement timed out without a public update: the same level again, as a new escalation. */
    private TicketChange retrigger(Ticket ticket, List<TicketEvent> trail, EscalationPolicy policy,
                                   EscalationLevel level, Instant at, Instant now) {
        EscalationState state = ticket.escalation();
        List<PersonId> people = people(level.targets(), ticket, ticket.team(), policies.get().directory(), at);
        List<Recipient> recipients = new ArrayList<>(recipients(level, people,
                policies.get().directory()));
        if (state.acknowledgedBy() != null && policies.get().directory().person(state.acknowledgedBy()).isPresent()
                && !recipients.contains(Recipient.person(state.acknowledgedBy()))) {
            recipients.add(Recipient.person(state.acknowledgedBy()));
        }
        int sequence = state.sequence() + 1;
        EscalationState next = plan(policy, EscalationState.fresh(state.policy(), state.level(), sequence, at, 0,
                fanOut(sequence, level.number(), 0, recipients, null)));
        Optional<EscalationLevel> following = policy.level(level.number() + 1);
        if (following.isPresent() && missedWhileAcknowledged(following.get(), trail, state.acknowledgedAt())) {
            // the warning or breach that starts the next level came while the acknowledgement held it back:
            // with the acknowledgement void, that level is due now rather than never
            next = next.withNextStep(EscalationState.Step.NEXT_LEVEL, at);
        }
        return ticket.escalate(EscalationStep.retrigger("acknowledged by " + state.acknowledgedBy() + " at "
                + state.acknowledgedAt() + " without a public update since: level " + level.number() + " again",
                recipients, next, at), ENGINE, now);
    }

    /** Whether the event settles an episode: a public reply, or the ticket leaving the agents' hands. */
    private static boolean settles(TicketEvent e) {
        return e instanceof TicketEvent.Replied || e.statusAfter() != null && SETTLING.contains(e.statusAfter());
    }

    /**
     * The latest escalation or reminder of the current episode (since it last settled) that alerted the team's
     * supervisor or manager after {@code since}.
     */
    private static Optional<FanOut.Notifying> seniorAlerted(List<TicketEvent> trail, TeamContacts seniors,
                                                            Instant since) {
        Set<Recipient> people = Stream.of(seniors.supervisor(), seniors.manager()).filter(Objects::nonNull)
                .map(Recipient::person).collect(Collectors.toSet());
        FanOut.Notifying latest = null;
        for (TicketEvent e : trail) {
            if (settles(e)) {
                latest = null;
            } else {
                Optional<FanOut.Notifying> step = FanOut.notifying(e)
                        .filter(n -> n.notified().stream().anyMatch(people::contains));
                if (step.isPresent()) {
                    latest = step.get();
                }
            }
        }
        return Optional.ofNullable(latest).filter(n -> n.event().at().isAfter(since));
    }

    private static boolean missedWhileAcknowledged(EscalationLevel level, List<TicketEvent> trail, Instant since) {
        if (level.trigger() == null || level.trigger().kind() == Trigger.Kind.AFTER || since == null) {
            return false;
        }
        return trail.stream().filter(e -> !e.at().isBefore(since))
                .filter(e -> e instanceof TicketEvent.SlaDeadlineFired).map(e -> (TicketEvent.SlaDeadlineFired) e)
                .anyMatch(fired -> level.trigger().matchesSla(fired.deadline().metric(),
                        fired instanceof TicketEvent.SlaBreach));
    }

    /** The state with its next step: a reminder or the next delayed level (whichever is first), or nothing. */
    private static EscalationState plan(EscalationPolicy policy, EscalationState state) {
        EscalationState.Step step = null;
        Instant at = null;
        Optional<EscalationLevel> current = policy.level(state.level());
        if (current.isPresent() && current.get().repeatEvery() != null
                && state.reminders() < current.get().repeatTimes()) {
            step = EscalationState.Step.REMINDER;
            at = state.levelAt().plus(current.get().repeatEvery().multipliedBy(state.reminders() + 1L));
        }
        Optional<EscalationLevel> next = policy.level(state.level() + 1);
        if (next.isPresent() && next.get().trigger() != null && next.get().trigger().kind() == Trigger.Kind.AFTER) {
            Instant levelAt = state.levelAt().plus(next.get().trigger().delay());
            if (at == null || !levelAt.isAfter(at)) {
                step = EscalationState.Step.NEXT_LEVEL;
                at = levelAt;
            }
        }
        return state.withNextStep(step, at);
    }

    private static EscalationState armFirstLevel(EscalationState start, Optional<EscalationPolicy> policy) {
        return policy.map(p -> plan(p, start)).orElse(start);
    }

    // ---- manual ------------------------------------------------------------------------------------------------

    private EscalationStep functionalStep(Ticket ticket, List<TicketEvent> trail, EscalationReason reason,
                                          String comment, TeamName team, Tier tier, Instant now, boolean approved) {
        TeamName teamAfter = team != null ? team : ticket.team();
        Tier tierAfter = tier != null ? tier : ticket.tier();
        if (teamAfter.equals(ticket.team()) && tierAfter == ticket.tier() && !approved) {
            throw new TicketActionException("the ticket is already with team " + ticket.team() + " at tier "
                    + (ticket.tier() == null ? "none" : ticket.tier().number()));
        }
        Directory directory = policies.get().directory();
        List<Recipient> recipients = new ArrayList<>();
        directory.team(teamAfter).ifPresent(contacts -> {
            if (contacts.supervisor() != null) {
                recipients.add(Recipient.person(contacts.supervisor()));
            }
            if (contacts.slackWebhook() != null) {
                recipients.add(new Recipient.Team(teamAfter));
            }
        });
        EscalationState state = ticket.escalation() == null ? EscalationState.none(null) : ticket.escalation();
        int sequence = state.sequence() + 1;
        boolean moves = !teamAfter.equals(ticket.team()) || tierAfter != ticket.tier();
        String message = customerMessage(ticket, trail, now, null, new Told(teamAfter, tierAfter, moves, null));
        EscalationState next = restart(state, sequence, now, fanOut(sequence, 0, 0, recipients, message));
        return EscalationStep.manual(EscalationKind.FUNCTIONAL, reason.code(), reason.words(), comment, next)
                .withMove(new EscalationStep.Move(teamAfter, tierAfter, null, null, approved))
                .withAudience(new EscalationStep.Audience(null, recipients, List.of(), message));
    }

    private EscalationStep hierarchicalStep(Ticket ticket, List<TicketEvent> trail, EscalationReason reason,
                                            String comment, Seniority to, Instant now, boolean byCustomer) {
        TeamContacts contacts = policies.get().directory().team(ticket.team()).orElse(null);
        String person = contacts == null ? null : to.holderIn(contacts);
        if (person == null && contacts != null && to == Seniority.SUPERVISOR) {
            person = contacts.manager(); // a team without a supervisor answers to its manager
        }
        if (person == null) {
            throw new TicketActionException("team " + ticket.team() + " has no " + to.code()
                    + " in the policy document's directory");
        }
        EscalationState state = ticket.escalation() == null ? EscalationState.none(null) : ticket.escalation();
        int sequence = state.sequence() + 1;
        PersonId escalatedTo = new PersonId(person);
        List<Recipient> recipients = List.of(new Recipient.Person(escalatedTo));
        String message = customerMessage(ticket, trail, now, byCustomer ? REQUEST_RECEIVED : null,
                Told.unchanged(ticket));
        EscalationState next = restart(state, sequence, now, fanOut(sequence, 0, 0, recipients, message));
        return EscalationStep.manual(EscalationKind.HIERARCHICAL, reason.code(), reason.words() + " → " + to.code(),
                comment, next).withCustomerRequested(byCustomer)
                .withAudience(new EscalationStep.Audience(escalatedTo, recipients, List.of(escalatedTo), message));
    }

    /** After a manual escalation the acknowledgement is void and the level's timers start again from now. */
    private EscalationState restart(EscalationState state, int sequence, Instant now, FanOutMark fanOut) {
        if (state.level() == 0) {
            // no episode yet: a first level armed to wait a delay keeps its time
            return EscalationState.fresh(state.policy(), 0, sequence, state.levelAt(), 0, fanOut)
                    .withNextStep(state.nextStep(), state.nextStepAt());
        }
        EscalationState restarted = EscalationState.fresh(state.policy(), state.level(), sequence, now, 0, fanOut);
        Optional<EscalationPolicy> policy = Optional.ofNullable(state.policy()).flatMap(policies.get()::named);
        return policy.map(p -> plan(p, restarted)).orElse(restarted);
    }

    private static String escalationText(ManualEscalation request) {
        return request.reason().code() + ": " + request.reason().words() + (request.comment() == null
                || request.comment().isBlank() ? "" : " — " + request.comment());
    }

    private static EscalationReason reasonIn(String transferReason) {
        if (transferReason == null) {
            return null;
        }
        for (EscalationReason reason : EscalationReason.values()) {
            if (transferReason.startsWith(reason.code() + ":")) {
                return reason;
            }
        }
        return null;
    }

    // ---- people and messages -------------------------------------------------------------------------------------

    private static List<PersonId> people(List<Target> targets, Ticket ticket, TeamName team, Directory directory,
                                         Instant at) {
        Set<PersonId> people = new LinkedHashSet<>();
        for (Target target : targets) {
            Optional<String> person;
            if (target instanceof Target.ToPerson named) {
                person = Optional.of(named.person().value());
            } else if (target instanceof Target.ToAssignee) {
                person = Optional.ofNullable(PersonId.nameOf(ticket.assignee()));
            } else if (target instanceof Target.OnCall onCall) {
                person = Optional.ofNullable(directory.rotas().get(onCall.rota())).map(rota -> rota.onCallAt(at));
            } else if (target instanceof Target.ToRole role) {
                person = directory.team(team).map(role.role()::holderIn);
            } else if (target instanceof Target.ToTeam other) {
                person = directory.team(other.team()).map(TeamContacts::supervisor);
            } else {
                person = Optional.empty(); // a tier is a place, not a person
            }
            person.map(PersonId::new).ifPresent(people::add);
        }
        return List.copyOf(people);
    }

    private static List<Recipient> recipients(EscalationLevel level, List<PersonId> people, Directory directory) {
        List<Recipient> recipients = new ArrayList<>(people.stream().<Recipient>map(Recipient.Person::new).toList());
        level.targets(Target.ToTeam.class).map(Target.ToTeam::team)
                .filter(team -> directory.team(team).map(TeamContacts::slackWebhook).isPresent())
                .forEach(team -> recipients.add(new Recipient.Team(team)));
        return recipients;
    }

    /**
     * What an escalation changed that the customer may know: the team and tier the request is with (and whether
     * that moved), and the priority it was raised to (null when it was not).
     */
    private record Told(TeamName team, Tier tier, boolean moved, Priority raisedTo) {
        static Told unchanged(Ticket ticket) {
            return new Told(ticket.team(), ticket.tier(), false, null);
        }
    }

    /**
     * What the customer is told: only what the escalation really changed (where the request went, its new
     * priority), or, when it changed neither, that a senior person now oversees it; then when to expect an answer.
     */
    private String customerMessage(Ticket ticket, List<TicketEvent> trail, Instant now, String opening, Told told) {
        List<String> sentences = new ArrayList<>();
        if (opening != null) {
            sentences.add(opening);
        }
        if (told.moved()) {
            sentences.add("Your request is now with our " + readable(told.team()) + " specialists"
                    + (told.tier() == null ? "" : " (tier " + told.tier().number() + ")") + ".");
        }
        if (told.raisedTo() != null) {
            sentences.add("We raised its priority to " + told.raisedTo().code() + ".");
        }
        if (!told.moved() && told.raisedTo() == null) {
            sentences.add("A senior member of our " + readable(told.team()) + " team is now overseeing your request.");
        }
        sentences.add(answerEstimate(ticket, trail, now));
        return String.join(" ", sentences);
    }

    private String answerEstimate(Ticket ticket, List<TicketEvent> trail, Instant now) {
        return AnswerEstimate.sentence(clocks.evaluate(ticket, trail, now), now);
    }

    private static String readable(TeamName team) {
        return team == null ? "support" : team.value().replace('-', ' ');
    }

    private static FanOutMark fanOut(int sequence, int level, int repeat, List<Recipient> recipients,
                                     String message) {
        return recipients.isEmpty() && message == null ? null : new FanOutMark(sequence, level, repeat);
    }

    private static String triggerCode(Trigger trigger) {
        return switch (trigger.kind()) {
            case AFTER -> "no-acknowledgement";
            case SLA_WARNING -> "sla-warning";
            case SLA_BREACH -> "sla-breach";
        };
    }

    public Optional<EscalationPolicy> policyOf(Ticket ticket) {
        return Optional.ofNullable(ticket.escalation()).map(EscalationState::policy)
                .flatMap(policies.get()::named);
    }

    private static SlaSubject subject(Ticket t) {
        return new SlaSubject(t.requester().plan(), t.priority(), t.channel(), t.category(), t.team(),
                t.requester().customerId());
    }

    private static TicketChange with(TicketChange change, EscalationState state) {
        return new TicketChange(change.before(), change.after().withEscalation(state), change.events());
    }

    private static List<TicketEvent> concat(List<TicketEvent> a, List<TicketEvent> b) {
        List<TicketEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
