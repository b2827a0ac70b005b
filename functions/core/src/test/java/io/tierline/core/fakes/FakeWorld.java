package io.tierline.core.fakes;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tierline.core.access.CustomerTokens;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.EscalationService;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.followup.FollowUpService;
import io.tierline.core.followup.FollowUps;
import io.tierline.core.message.Message;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.policy.Policies;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.time.SettableClock;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketCommands;
import io.tierline.core.work.TicketWorkService;
import io.tierline.core.write.ObservedTicketStore;
import io.tierline.core.write.WritePipeline;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.routing.AssigningAfterWrite;
import io.tierline.core.routing.RoutingService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The core wired as CoreBeans wires it, on the in-memory store, due index and outbox, with a set clock: the rules of
 * the engine and the clocks run in milliseconds. Stand-ins for the workers take the messages off the outbox as SQS
 * would deliver them (each escalation message twice, as SQS may).
 */
public final class FakeWorld {
    private static final List<Class<? extends Message>> ESCALATION_QUEUE = List.of(DeadlineDue.class,
            EscalationDue.class, FollowUpDue.class);

    public final SettableClock clock;
    public final Policies policies;
    public final InMemoryTicketStore store = new InMemoryTicketStore();
    public final RecordingOutbox outbox;
    public final CustomerTokens tokens = CustomerTokens.fromSecret("a-test-secret-of-at-least-32-bytes!!");
    public final EscalationEngine engine;
    public final ClockKeeper keeper;
    public final SweepService sweep;
    public final WritePipeline pipeline;
    public final IntakeService intake;
    public final TriageService triage;
    public final TicketWorkService work;
    public final TicketCommands commands;
    public final DeadlineFiring firing;
    public final EscalationService escalations;
    public final FollowUpService followUps;
    public final RoutingService routing;
    /** The pipeline with automatic assignment behind it, as the functions wire it. */
    public final AfterWrite afterWrite;
    /** What every stored write measured, in order. */
    public final RecordingMetrics metrics = new RecordingMetrics();

    /** The sweep looks {@code window} ahead, as {@code tierline.sweep.window} says (two minutes in production). */
    public FakeWorld(Policies policies, Instant start, Duration window) {
        this.clock = new SettableClock(start);
        this.policies = policies;
        this.outbox = new RecordingOutbox(clock);
        engine = new EscalationEngine(policies::escalation, new ClockKeeper(policies::sla));
        keeper = new ClockKeeper(policies::sla, new FollowUps(policies::followUp).after(engine::follow));
        sweep = new SweepService(new InMemoryDueDeadlines(store), outbox, window);
        // the services write through the metered store, as CoreBeans wires them
        ObservedTicketStore metered = ObservedTicketStore.metered(store, metrics);
        pipeline = new WritePipeline(metered, outbox, policies::escalation, sweep, clock);
        routing = new RoutingService(metered, store, new InMemoryWorklists(store), policies::staffing, clock, pipeline);
        afterWrite = new AssigningAfterWrite(pipeline, routing);
        intake = new IntakeService(metered, outbox, tokens, keeper, clock, Duration.ofDays(1), afterWrite);
        triage = new TriageService(metered, policies::triage, TicketAssessor.bundled(), keeper, clock, afterWrite);
        work = new TicketWorkService(metered, tokens, keeper, clock, Duration.ofDays(1), afterWrite);
        commands = new TicketCommands(() -> policies, engine);
        firing = new DeadlineFiring(metered, keeper, clock, engine::onSlaDeadline, afterWrite);
        escalations = new EscalationService(metered, engine, keeper, clock, afterWrite);
        followUps = new FollowUpService(metered, keeper, tokens, outbox, clock, afterWrite);
    }

    /** A ticket filed by its requester and triaged off the triage queue, as the intake and triage workers do. */
    public TicketId file(TicketDraft draft) {
        TicketId id = intake.submit(draft, Actor.customer(draft.requester().email()), Optional.empty()).ticket().id();
        outbox.take(TicketCreated.class, clock.instant()).forEach(m -> triage.triage(m.ticketId()));
        return id;
    }

    public Ticket ticket(TicketId id) {
        return store.find(id).orElseThrow();
    }

    public TicketHistory history(TicketId id) {
        return store.history(id).orElseThrow();
    }

    /**
     * Plays the clock forward to {@code end}: at each instant something falls due (on a ticket or as a message sent
     * ahead), the sweep runs and the escalate worker stand-in handles every message then visible, twice.
     */
    public void playUntil(Instant end) {
        while (true) {
            Optional<Instant> next = store.tickets().stream().map(Ticket::nextDueAt).filter(t -> t != null)
                    .min(Instant::compareTo);
            Optional<Instant> message = outbox.nextVisible(ESCALATION_QUEUE);
            Optional<Instant> first = next.isEmpty() ? message : message.isEmpty() ? next
                    : Optional.of(next.get().isBefore(message.get()) ? next.get() : message.get());
            if (first.isEmpty() || first.get().isAfter(end)) {
                break;
            }
            clock.set(first.get().isBefore(clock.instant()) ? clock.instant() : first.get());
            sweep.sweep(clock.instant());
            List<Message> arrived = deliverEscalationWork();
            assertFalse(arrived.isEmpty(), "the sweep sent what was due at " + first.get());
        }
        clock.set(end);
    }

    /** The escalate worker stand-in: every DeadlineDue, EscalationDue and FollowUpDue visible now, each twice. */
    public List<Message> deliverEscalationWork() {
        List<Message> arrived = outbox.takeAny(ESCALATION_QUEUE, clock.instant());
        for (Message m : arrived) {
            handle(m);
            handle(m); // a duplicate delivery
        }
        return arrived;
    }

    public void handle(Message message) {
        if (message instanceof DeadlineDue due) {
            firing.fire(due);
        } else if (message instanceof FollowUpDue followUp) {
            followUps.fire(followUp);
        } else {
            escalations.due((EscalationDue) message);
        }
    }

    /** This ticket's notifications handed to the notify queue so far (taken), by key. */
    public Set<String> notifications(TicketId id) {
        return notificationsSent(id).stream().map(NotificationRequested::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** This ticket's notifications handed to the notify queue so far (taken), as sent. */
    public List<NotificationRequested> notificationsSent(TicketId id) {
        List<NotificationRequested> mine = new ArrayList<>();
        outbox.take(NotificationRequested.class, Instant.MAX).stream()
                .filter(n -> n.occasion().ticketId().equals(id)).forEach(mine::add);
        return mine;
    }

    /** The escalation events of the trail as "HH:mm TYPE". */
    public List<String> escalationTrail(TicketId id) {
        return escalationTrail(history(id).events());
    }

    /** The escalation events of a trail as "HH:mm TYPE", for the emulator scenarios too. */
    public static List<String> escalationTrail(List<TicketEvent> trail) {
        return trail.stream().filter(e -> Set.of(TicketEvent.EventType.SLA_WARNING,
                        TicketEvent.EventType.SLA_BREACH, TicketEvent.EventType.ESCALATED,
                        TicketEvent.EventType.ESCALATION_REMINDER, TicketEvent.EventType.ACKNOWLEDGED,
                        TicketEvent.EventType.CUSTOMER_UPDATED, TicketEvent.EventType.ESCALATION_REQUESTED)
                        .contains(e.type()))
                .map(e -> e.at().toString().substring(11, 16) + " " + e.type().name()).toList();
    }
}
