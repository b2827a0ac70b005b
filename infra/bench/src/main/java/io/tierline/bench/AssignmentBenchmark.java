package io.tierline.bench;

import io.tierline.core.aws.DynamoDbRoster;
import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.routing.Agent;
import io.tierline.core.routing.AssignmentMode;
import io.tierline.core.routing.AssignmentRule;
import io.tierline.core.routing.Availability;
import io.tierline.core.routing.Capacity;
import io.tierline.core.routing.QueueWorklists;
import io.tierline.core.routing.RoutingService;
import io.tierline.core.routing.SkillSource;
import io.tierline.core.routing.Staffing;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.Skill;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TicketSignals;
import io.tierline.core.ticket.Tier;
import io.tierline.core.ticket.TriageDecision;
import io.tierline.core.time.SettableClock;
import io.tierline.core.write.ObservedTicketStore;
import io.tierline.local.LocalAws;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Automatic assignment over a day: a stream of tickets (a realistic mix of languages and categories) reaches a team of
 * 20 in two shifts, through the real routing service on DynamoDB Local (conditional load counters, the team queue
 * index); each assigned ticket is solved after a random handling time, which frees capacity and offers the next
 * waiting ticket; at a shift's end its people go away and their tickets are re-offered. The same stream runs twice:
 * mode {@code skills} and plain {@code round-robin} as the baseline. Prints the spread of assignments per person
 * (max/mean), the share of tickets given to someone with the skill and language, the wait from triage to
 * assignment (simulated minutes) and the wall time of one offer.
 */
public final class AssignmentBenchmark {
    static final TeamName TEAM = new TeamName("support");
    static final int PEOPLE = 20;
    static final int CAPACITY = 8;
    static final Instant DAY = Instant.parse("2026-12-08T06:00:00Z");
    static final String[] LANGUAGES = {"en", "de", "fr", "es", "it"};
    static final double[] LANGUAGE_MIX = {0.55, 0.20, 0.12, 0.08, 0.05};
    static final String[] CATEGORIES = {"billing", "access", "api", "sso", "incident"};
    static final double[] CATEGORY_MIX = {0.35, 0.25, 0.20, 0.10, 0.10};

    record Options(int tickets, int handlingMinutes, long seed) {
        static Options parse(String... args) {
            BenchArgs a = BenchArgs.parse(args, List.of("tickets", "handling-minutes", "seed"));
            return new Options(a.positive("tickets", 3000), a.positive("handling-minutes", 40),
                    a.positive("seed", 7));
        }
    }

    /** One ticket of the day's stream. */
    record Arrival(int n, Instant at, String language, String category, Duration handling) {
    }

    /** What one mode did with the stream: how many it assigned and how well, how the load spread, how long it took. */
    record Outcome(Assignments assignments, Load load, Waits waits) {
    }

    /**
     * @param matched         assignments to someone with the ticket's skill and language
     * @param reoffered       tickets offered again when their holder's shift ended
     * @param unassignedAtEnd tickets still waiting for someone when the day's stream ended
     */
    record Assignments(int assigned, int matched, int reoffered, int unassignedAtEnd) {
        double matchShare() {
            return assigned == 0 ? 0 : (double) matched / assigned;
        }
    }

    /** @param perPerson assignments per person of the team; {@code maxLoad} the most tickets anyone held at once */
    record Load(int[] perPerson, int maxLoad) {
        double spread() {
            double mean = java.util.Arrays.stream(perPerson).average().orElse(0);
            return java.util.Arrays.stream(perPerson).max().orElse(0) / mean;
        }
    }

    /**
     * @param untilAssigned simulated time from triage to assignment, per ticket
     * @param offerWall     wall-clock time of one offer at triage (the routing service's own cost)
     */
    record Waits(List<Duration> untilAssigned, List<Duration> offerWall) {
    }

    private AssignmentBenchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("assignment: " + e.getMessage());
            Exit.now(2);
            return;
        }
        run(options, System.out);
        Exit.now(0);
    }

    static void run(Options options, PrintStream out) {
        Random random = new Random(options.seed());
        Staffing skills = staffing(random, AssignmentMode.SKILLS);
        Staffing roundRobin = new Staffing(skills.agents(), Map.of(TEAM, new AssignmentRule(TEAM,
                AssignmentMode.ROUND_ROBIN, Set.of(), false)));
        List<Arrival> stream = stream(options, random);
        out.printf(Locale.ROOT, "Assignment benchmark: %,d tickets over a day (07:00-21:00 UTC) to a team of %d in two"
                + " shifts, capacity %d each, handling time exp. mean %d min, seed %d%n", options.tickets(), PEOPLE,
                CAPACITY, options.handlingMinutes(), options.seed());
        Outcome bySkills = simulate("skills", skills, stream, out);
        Outcome baseline = simulate("round-robin", roundRobin, stream, out);
        out.println();
        Assignments skilled = bySkills.assignments();
        Assignments turns = baseline.assignments();
        Load skilledLoad = bySkills.load();
        Load turnsLoad = baseline.load();
        Waits skilledWaits = bySkills.waits();
        Waits turnsWaits = baseline.waits();
        new TextTable("", "skills", "round robin (baseline)", "ratio")
                .row("tickets assigned", skilled.assigned(), turns.assigned(), "")
                .row("assignments per person, max/mean", fmt(skilledLoad.spread()), fmt(turnsLoad.spread()),
                        fmt(skilledLoad.spread() / turnsLoad.spread()))
                .row("share with skill and language match", pct(skilled.matchShare()), pct(turns.matchShare()),
                        fmt(skilled.matchShare() / turns.matchShare()))
                .row("triage->assignment, median (sim. min)", minutes(Durations.median(skilledWaits.untilAssigned())),
                        minutes(Durations.median(turnsWaits.untilAssigned())), "")
                .row("triage->assignment, p90 (sim. min)",
                        minutes(Durations.percentile(skilledWaits.untilAssigned(), 90)),
                        minutes(Durations.percentile(turnsWaits.untilAssigned(), 90)), "")
                .row("one offer at triage, median wall", Durations.millis(Durations.median(skilledWaits.offerWall())),
                        Durations.millis(Durations.median(turnsWaits.offerWall())), "")
                .row("highest load held (capacity " + CAPACITY + ")", skilledLoad.maxLoad(), turnsLoad.maxLoad(), "")
                .row("tickets re-offered at shift ends", skilled.reoffered(), turns.reoffered(), "")
                .row("left waiting at the end", skilled.unassignedAtEnd(), turns.unassignedAtEnd(), "")
                .print(out);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 60_000.0);
    }

    /** 20 people: everyone speaks English, some German, French, Spanish or Italian; two skills each; two shifts. */
    static Staffing staffing(Random random, AssignmentMode mode) {
        Map<PersonId, Agent> agents = new HashMap<>();
        String[] second = {"de", "de", "de", "de", "de", "de", "fr", "fr", "fr", "fr", "es", "es", "it", "it",
            null, null, null, null, null, null};
        for (int i = 0; i < PEOPLE; i++) {
            Set<Skill> own = new java.util.TreeSet<>();
            own.add(new Skill(CATEGORIES[i % CATEGORIES.length]));
            own.add(new Skill(CATEGORIES[random.nextInt(CATEGORIES.length)]));
            Set<String> languages = second[i] == null ? Set.of("en") : Set.of("en", second[i]);
            PersonId id = person(i);
            agents.put(id, new Agent(id, new Agent.Placement(Set.of(TEAM), Set.of()),
                    new Agent.Competence(own, languages), Capacity.of(CAPACITY), null));
        }
        return new Staffing(agents, Map.of(TEAM, new AssignmentRule(TEAM, mode,
                EnumSet.of(SkillSource.CATEGORY, SkillSource.LANGUAGE), false)));
    }

    static PersonId person(int i) {
        return new PersonId(String.format("agent-%02d", i));
    }

    /** Early shift 06:00-14:00 (even numbers), late shift 13:00-22:00 (odd numbers). */
    static boolean early(int i) {
        return i % 2 == 0;
    }

    static List<Arrival> stream(Options options, Random random) {
        List<Arrival> arrivals = new ArrayList<>();
        long span = Duration.ofHours(14).toSeconds();
        for (int n = 0; n < options.tickets(); n++) {
            Instant at = DAY.plus(Duration.ofHours(1)).plusSeconds((long) (random.nextDouble() * span));
            double minutes = -Math.log(1 - random.nextDouble()) * options.handlingMinutes();
            arrivals.add(new Arrival(n, at, pick(LANGUAGES, LANGUAGE_MIX, random), pick(CATEGORIES, CATEGORY_MIX,
                    random), Duration.ofSeconds((long) (minutes * 60))));
        }
        arrivals.sort(java.util.Comparator.comparing(Arrival::at));
        return arrivals;
    }

    private static String pick(String[] values, double[] shares, Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A step of the simulated day. */
    private record Step(Instant at, int order, Runnable action) {
    }

    static Outcome simulate(String mode, Staffing staffing, List<Arrival> stream, PrintStream out) {
        try (LocalAws aws = LocalAws.start(LocalAws.Options.ephemeral())) {
            aws.createResources(SamTemplate.load(ProjectRoot.templateFile()));
            String table = aws.tableName("TicketsTable");
            SettableClock clock = new SettableClock(DAY);
            LoadWatch watch = new LoadWatch();
            TicketStore store = new ObservedTicketStore(new DynamoDbTicketStore(aws.dynamoDb(), table), watch);
            DynamoDbRoster roster = new DynamoDbRoster(aws.dynamoDb(), table);
            RoutingService routing = new RoutingService(store, roster, new QueueWorklists(new DynamoDbTicketQueries(
                    aws.dynamoDb(), table), clock), () -> staffing, clock, AfterWrite.NOTHING);
            Map<TicketId, Arrival> arrivals = new HashMap<>();
            Map<TicketId, Instant> triagedAt = new HashMap<>();
            Set<TicketId> triagedAgain = new java.util.HashSet<>();
            int[] perPerson = new int[PEOPLE];
            int[] load = new int[PEOPLE];
            int[] counts = new int[4]; // assigned, matched, max load, re-offers
            List<Duration> waits = new ArrayList<>();
            List<Duration> offerWall = new ArrayList<>();
            PriorityQueue<Step> steps = new PriorityQueue<>(java.util.Comparator.comparing(Step::at)
                    .thenComparingInt(Step::order));
            watch.onAssigned = (ticket, event) -> {
                int who = Integer.parseInt(ticket.assignee().value().substring("agent-".length()));
                Arrival arrival = arrivals.get(ticket.id());
                perPerson[who]++;
                counts[0]++;
                Agent agent = staffing.agents().get(person(who));
                if (agent.competence().skills().contains(new Skill(arrival.category()))
                        && agent.competence().speaks(arrival.language())) {
                    counts[1]++;
                }
                load[who]++;
                counts[2] = Math.max(counts[2], load[who]);
                boolean reoffer = event.moves().get(io.tierline.core.ticket.TicketField.ASSIGNEE)
                        .map(move -> move.from() != null).orElse(false);
                if (reoffer) {
                    counts[3]++;
                } else if (!triagedAgain.contains(ticket.id())) {
                    waits.add(Duration.between(triagedAt.get(ticket.id()), clock.instant()));
                    triagedAgain.add(ticket.id()); // a ticket re-offered and waiting counts its first wait only
                }
                long version = ticket.version();
                steps.add(new Step(clock.instant().plus(arrival.handling()), 2, () -> {
                    Ticket now = store.find(ticket.id()).orElseThrow();
                    if (now.version() != version) {
                        return; // re-offered since: the new holder's own solve is scheduled
                    }
                    store.apply(now.resolve("done", null, new Actor(Actor.Kind.AGENT, now.assignee().value()),
                            clock.instant()));
                    routing.written(store.find(ticket.id()).orElseThrow());
                }));
            };
            watch.onUnassigned = who -> load[Integer.parseInt(who.substring("agent-".length()))]--;
            for (int i = 0; i < PEOPLE; i++) {
                int person = i;
                Instant start = DAY.plus(Duration.ofHours(early(i) ? 0 : 7));
                Instant end = DAY.plus(Duration.ofHours(early(i) ? 8 : 16));
                if (!early(i)) {
                    steps.add(new Step(DAY, 0, () -> roster.setAvailability(person(person), Availability.AWAY, DAY)));
                }
                steps.add(new Step(start, 1, () -> routing.setAvailability(person(person), Availability.AVAILABLE)));
                steps.add(new Step(end, 1, () -> routing.setAvailability(person(person), Availability.AWAY)));
            }
            for (Arrival arrival : stream) {
                steps.add(new Step(arrival.at(), 3, () -> {
                    TicketId id = new TicketId(String.format("01KD%022d", arrival.n()));
                    arrivals.put(id, arrival);
                    TicketChange opened = Ticket.open(id,
                            new TicketDraft(new TicketDraft.Asked("ticket " + arrival.n(), "text"),
                            new Requester("C", "c@example.com", null, null), Channel.WEB,
                            new TicketDraft.Levels(Level.MEDIUM, Level.MEDIUM),
                            new TicketDraft.Topic(null, List.of())), "salt", Actor.customer("c@example.com"),
                                    arrival.at());
                    store.create(opened, Optional.empty());
                    TicketChange triaged = opened.after().triage(new TriageDecision(Priority.NORMAL, TEAM,
                            Tier.of(1), arrival.category(), List.of(), new TicketSignals(arrival.language(), 0, 0),
                            "bench"), Actor.system("triage"), arrival.at());
                    store.apply(triaged);
                    triagedAt.put(id, arrival.at());
                    long started = System.nanoTime();
                    routing.written(triaged.after());
                    offerWall.add(Duration.ofNanos(System.nanoTime() - started));
                }));
            }
            int done = 0;
            int total = steps.size();
            while (!steps.isEmpty()) {
                Step step = steps.poll();
                clock.set(step.at());
                step.action().run();
                if (++done % 2000 == 0) {
                    out.printf(Locale.ROOT, "  %s: %,d steps done (%,d assigned so far)%n", mode, done, counts[0]);
                }
            }
            int waiting = (int) arrivals.keySet().stream().filter(id -> store.find(id).orElseThrow().assignee() == null
                    && !store.find(id).orElseThrow().isClosed()
                    && store.find(id).orElseThrow().status() != io.tierline.core.ticket.Status.SOLVED).count();
            out.printf(Locale.ROOT, "  %s: done, %,d steps%n", mode, total);
            return new Outcome(new Assignments(counts[0], counts[1], counts[3], waiting),
                    new Load(perPerson, counts[2]), new Waits(waits, offerWall));
        }
    }

    /** Tells the simulation of each automatic assignment and each ticket a person stops holding, once stored. */
    static final class LoadWatch implements ObservedTicketStore.StoredWrites {
        java.util.function.BiConsumer<Ticket, TicketEvent> onAssigned = (t, e) -> { };
        java.util.function.Consumer<String> onUnassigned = who -> { };

        @Override
        public void stored(List<TicketChange> changes) {
            for (TicketChange change : changes) {
                io.tierline.core.routing.LoadChange.of(List.of(change)).stream().filter(l -> l.delta() < 0)
                        .forEach(l -> onUnassigned.accept(l.person().value()));
                change.events().stream().filter(e -> e instanceof TicketEvent.AutoAssigned)
                        .forEach(e -> onAssigned.accept(change.after(), e));
            }
        }
    }
}
