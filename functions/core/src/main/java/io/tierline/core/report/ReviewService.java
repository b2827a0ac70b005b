package io.tierline.core.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tierline.core.port.DayCounts;
import io.tierline.core.port.TicketReports;
import io.tierline.core.report.ReviewCounters.Measure;
import io.tierline.core.report.ReviewKey.Dimension;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The escalation reviews (docs/dashboard.md): per agent, customer, category and team, root causes and satisfaction,
 * over any period up to a year, optionally for one team. Reads the day items' {@link ReviewCounters} by key (one
 * BatchGetItem per 100 day shards), never the tickets.
 */
public final class ReviewService {
    public static final int MAX_DAYS = 366;
    public static final int TOP_CAUSES = 3;
    public static final int TOP_CATEGORIES = 3;

    private final TicketReports reports;

    public ReviewService(TicketReports reports) {
        this.reports = reports;
    }

    /** Which figures to read: the period (inclusive), one team or all, and one agent's own figures or everyone's. */
    public record Scope(LocalDate from, LocalDate to, Optional<String> team, Optional<String> onlyAgent) {
        public Scope {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException("the period must be from 1 to " + MAX_DAYS + " days");
            }
        }

        /** An agent sees their own row and nothing else; the others see every row of the team(s). */
        boolean shows(ReviewKey key) {
            return key.dimension() == Dimension.AGENT ? onlyAgent.map(key.key()::equals).orElse(true)
                    : onlyAgent.isEmpty();
        }
    }

    /**
     * One agent's row: the tickets they handled, their escalations, how what they solved held up, and the feedback on
     * their escalations. JSON and CSV show the parts' fields flat in the row.
     */
    public record AgentReview(String team, String agent, @JsonUnwrapped Workload work,
                              @JsonUnwrapped AgentEscalations escalations, @JsonUnwrapped Quality quality,
                              @JsonUnwrapped FollowUps followUps, @JsonUnwrapped AgentFeedback feedback) {
    }

    /**
     * @param handled tickets assigned to them
     * @param solved  tickets they solved
     */
    public record Workload(long handled, long solved) {
    }

    /**
     * @param escalated          escalations they made (a ticket may have several)
     * @param escalationRate     their escalations per ticket handled
     * @param teamEscalationRate the team's escalations per ticket handled over the same period
     * @param solvedEscalated    of the tickets they solved, those escalated at some point (solved at the tier reached)
     */
    public record AgentEscalations(long escalated, Map<String, Long> byKind, Map<String, Long> byReason,
                                   Double escalationRate, Double teamEscalationRate, long solvedEscalated) {
    }

    /** How the tickets solved held up: reopened (and their share), within the SLA, customers' average rating. */
    public record Quality(long reopened, Double reopenRate, Double satisfaction, Double slaCompliance) {
    }

    /** Follow-ups sent after solving, and the share of those whose ticket stayed solved. */
    public record FollowUps(long followUps, Double stayedSolvedRate) {
    }

    /**
     * @param escalationsSettled of their escalations, those that were the ticket's last before it was solved (it
     *                           settled at the tier they sent it to, or came back down)
     * @param feedbackReceived   feedback on their escalations from those who received them
     */
    public record AgentFeedback(long escalationsSettled, long feedbackReceived, @JsonUnwrapped FeedbackShares shares) {
    }

    /** Of the feedback given, the shares that said the escalation was needed, and that it came complete. */
    public record FeedbackShares(Double feedbackNeededRate, Double feedbackCompleteRate) {
    }

    /**
     * One customer's row: how often their tickets escalated, how they were served, and what they ask about. JSON and
     * CSV show the parts' fields flat in the row.
     *
     * @param shareAboveAverage how far the customer's escalation rate lies above the average customer's (0.5: +50%)
     * @param topCategories     their {@value #TOP_CATEGORIES} most frequent categories by tickets solved, most first
     */
    public record CustomerReview(String customer, @JsonUnwrapped CustomerEscalations escalations,
                                 @JsonUnwrapped CustomerService service, Double shareAboveAverage,
                                 List<String> topCategories) {
    }

    /**
     * @param tickets           tickets of theirs handled in the period
     * @param escalated         escalations made on their tickets (a ticket may have several)
     * @param escalationRate    the share of their tickets solved in the period that escalated at least once
     * @param customerRequested escalations they asked for themselves
     */
    public record CustomerEscalations(long tickets, long escalated, Double escalationRate, long customerRequested) {
    }

    /** SLA breaches on their tickets and their average rating. */
    public record CustomerService(long breaches, Double satisfaction) {
    }

    /**
     * A category within a team, or a whole team ({@code category} null): where its solved tickets went, how they held
     * up, SLA breaches, the most frequent root causes, follow-ups, feedback on its escalations and the time spent
     * in each tier and team. JSON and CSV show the parts' fields flat in the row, but for {@code timeSpent}.
     */
    public record VolumeReview(String team, String category, @JsonUnwrapped TierFlow flow,
                               @JsonUnwrapped Quality quality, long breaches, List<String> topCauses,
                               @JsonUnwrapped FollowUps followUps, @JsonUnwrapped VolumeFeedback feedback,
                               TimeSpent timeSpent) {
    }

    /**
     * @param volume         tickets solved
     * @param escalated      the escalations themselves (a ticket may have several)
     * @param escalationRate the share of the tickets solved that escalated at least once
     */
    public record TierFlow(long volume, long escalated, Double escalationRate, Map<String, Long> escalatedToTier,
                           Map<String, Long> solvedAtTier) {
    }

    /** @param feedback feedback given on the escalations of these tickets */
    public record VolumeFeedback(long feedback, @JsonUnwrapped FeedbackShares shares) {
    }

    /**
     * A root cause of the taxonomy ("other" for free text), per category, per product area (the tickets'
     * {@code product-<area>} tags; a ticket of two areas counts in both, one of none in none) and per month of the
     * period, the trend.
     */
    public record CauseReview(String cause, long total, Map<String, Long> byCategory, Map<String, Long> byProductArea,
                              Map<String, Long> byMonth) {
    }

    /** One group's ratings: average and how many of each rating from 1 to 5. */
    public record SatisfactionReview(String by, String group, long ratings, Double average,
                                     Map<String, Long> distribution) {
    }

    /**
     * Every review of a period: its rows about people (agents, customers), about the volume (per category, per team,
     * per root cause) and the satisfaction ratings. The JSON shows the parts' fields at the top level.
     */
    public record Reviews(@JsonUnwrapped Period period, @JsonUnwrapped PeopleRows people,
                          @JsonUnwrapped VolumeRows volume, List<SatisfactionReview> satisfaction) {
    }

    /** The period reviewed (inclusive) and the team, or null for every team the reader sees. */
    public record Period(LocalDate from, LocalDate to, String team) {
    }

    public record PeopleRows(List<AgentReview> agents, List<CustomerReview> customers) {
    }

    public record VolumeRows(List<VolumeReview> categories, List<VolumeReview> teams, List<CauseReview> rootCauses) {
    }

    public Reviews reviews(Scope scope, RootCauses causes) {
        Tally tally = new Tally();
        Map<String, Map<String, Long>> causeMonths = new TreeMap<>();
        for (DayCounts day : reports.days(scope.from(), scope.to())) {
            String month = day.day().toString().substring(0, 7);
            day.counts().forEach((name, n) -> ReviewKey.parse(name).ifPresent(key -> {
                if (key.dimension() == Dimension.AGENT) {
                    tally.add(key.withKey("*"), n); // the team's own total, before the agent filter
                }
                if (!scope.team().map(key.team()::equals).orElse(true)) {
                    return;
                }
                if (key.dimension() == Dimension.CAUSE) {
                    causeMonths.computeIfAbsent(causes.classify(key.measure()), c -> new TreeMap<>())
                            .merge(month, n, Long::sum);
                }
                if (scope.shows(key)) {
                    tally.add(key, n);
                }
            }));
        }
        boolean own = scope.onlyAgent().isPresent();
        List<VolumeReview> categories = own ? List.of() : volumes(tally, causes, false);
        return new Reviews(new Period(scope.from(), scope.to(), scope.team().orElse(null)),
                new PeopleRows(agents(tally, scope), own ? List.of() : customers(tally)),
                new VolumeRows(categories, own ? List.of() : volumes(tally, causes, true),
                        own ? List.of() : rootCauses(tally, causes, causeMonths)),
                own ? List.of() : satisfaction(tally));
    }

    /**
     * The tickets behind one root cause of the reviews, one click away from its row: those solved in the period
     * with a cause the taxonomy counts under {@code cause} ({@value RootCauses#OTHER} gathers every free text the
     * period's counters hold outside the taxonomy), newest first, at most {@code max}.
     *
     * @param written the causes as written (normalised) that were looked up
     * @param more    whether more tickets than {@code max} match
     */
    public record CauseTickets(String cause, LocalDate from, LocalDate to, String team, List<String> written,
                               List<TicketReports.SolvedTicket> tickets, boolean more) {
    }

    public CauseTickets causeTickets(Scope scope, RootCauses causes, String cause, boolean escalatedOnly, int max) {
        java.util.Set<String> written = new java.util.TreeSet<>();
        if (!RootCauses.OTHER.equals(cause)) {
            written.add(cause); // counters hold causes normalised, so a code is only ever written as itself
        } else {
            // the free text is only known from the period's counters
            for (DayCounts day : reports.days(scope.from(), scope.to())) {
                day.counts().keySet().forEach(name -> ReviewKey.parse(name)
                        .filter(key -> key.dimension() == Dimension.CAUSE)
                        .filter(key -> scope.team().map(key.team()::equals).orElse(true))
                        .filter(key -> causes.classify(key.measure()).equals(cause))
                        .ifPresent(key -> written.add(key.measure())));
            }
        }
        java.time.Instant from = scope.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Instant until = scope.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<TicketReports.SolvedTicket> found = new ArrayList<>();
        for (String one : written) {
            // one more than asked tells whether there are more
            found.addAll(reports.solvedWithCause(new TicketReports.CauseQuery(one, from, until, scope.team(),
                    escalatedOnly, max + 1)));
        }
        found.sort(Comparator.comparing(TicketReports.SolvedTicket::resolvedAt).thenComparing(
                TicketReports.SolvedTicket::id).reversed());
        return new CauseTickets(cause, scope.from(), scope.to(), scope.team().orElse(null), List.copyOf(written),
                List.copyOf(found.subList(0, Math.min(max, found.size()))), found.size() > max);
    }

    private static List<AgentReview> agents(Tally tally, Scope scope) {
        List<AgentReview> rows = new ArrayList<>();
        tally.rows(Dimension.AGENT).forEach((row, m) -> {
            if (row.key().equals("*") || !scope.team().map(row.team()::equals).orElse(true)
                    || !scope.onlyAgent().map(row.key()::equals).orElse(true)) {
                return;
            }
            Map<String, Long> team = tally.measures(new Row(Dimension.AGENT, row.team(), "*"));
            long handled = get(m, Measure.HANDLED);
            long escalated = get(m, Measure.ESCALATED);
            Map<String, Long> byKind = new TreeMap<>();
            Map<String, Long> byReason = new TreeMap<>();
            m.forEach((measure, n) -> {
                if (measure.startsWith(Measure.ESCALATED + "-")) {
                    byKind.put(measure.substring(Measure.ESCALATED.length() + 1), n);
                } else if (measure.startsWith(Measure.REASON_PREFIX)) {
                    byReason.put(measure.substring(Measure.REASON_PREFIX.length()), n);
                }
            });
            long solved = get(m, Measure.SOLVED);
            rows.add(new AgentReview(row.team(), row.key(), new Workload(handled, solved),
                    new AgentEscalations(escalated, byKind, byReason, share(escalated, handled),
                            share(get(team, Measure.ESCALATED), get(team, Measure.HANDLED)),
                            get(m, Measure.SOLVED_ESCALATED)),
                    quality(m, solved), followUps(m),
                    new AgentFeedback(get(m, Measure.ESCALATIONS_SETTLED), get(m, Measure.FEEDBACK_RECEIVED),
                            shares(m, Measure.FEEDBACK_RECEIVED_NEEDED, Measure.FEEDBACK_RECEIVED_COMPLETE,
                                    Measure.FEEDBACK_RECEIVED))));
        });
        rows.sort(Comparator.comparing(AgentReview::team).thenComparing(AgentReview::agent));
        return rows;
    }

    private static List<CustomerReview> customers(Tally tally) {
        Map<String, Map<String, Long>> byCustomer = new TreeMap<>();
        tally.rows(Dimension.CUSTOMER).forEach((row, m) -> m.forEach((measure, n) ->
                byCustomer.computeIfAbsent(row.key(), k -> new TreeMap<>()).merge(measure, n, Long::sum)));
        long tickets = 0;
        long escalated = 0;
        for (Map<String, Long> m : byCustomer.values()) {
            tickets += get(m, Measure.HANDLED);
            escalated += get(m, Measure.SOLVED_ESCALATED);
        }
        double average = tickets == 0 ? 0 : (double) escalated / tickets;
        List<CustomerReview> rows = new ArrayList<>();
        byCustomer.forEach((customer, m) -> {
            long handled = get(m, Measure.HANDLED);
            // the share of their solved tickets that escalated at all: escalations themselves may be several per
            // ticket, or of tickets not solved yet, and a rate above 100 % says nothing
            Double rate = share(get(m, Measure.SOLVED_ESCALATED), handled);
            Double above = handled == 0 || average == 0 ? null
                    : round((double) get(m, Measure.SOLVED_ESCALATED) / handled / average - 1);
            rows.add(new CustomerReview(customer,
                    new CustomerEscalations(handled, get(m, Measure.ESCALATED), rate,
                            get(m, Measure.CUSTOMER_REQUESTED)),
                    new CustomerService(get(m, Measure.BREACHES), average(m)), above,
                    top(suffixed(m, Measure.CATEGORY_PREFIX), TOP_CATEGORIES)));
        });
        // those who escalate most often first
        rows.sort(Comparator.comparing((CustomerReview row) -> row.escalations().escalated()).reversed()
                .thenComparing(CustomerReview::customer));
        return rows;
    }

    private static List<VolumeReview> volumes(Tally tally, RootCauses causes, boolean perTeam) {
        Map<Row, Map<String, Long>> merged = new TreeMap<>();
        tally.rows(Dimension.CATEGORY).forEach((row, m) -> {
            Row target = perTeam ? new Row(Dimension.CATEGORY, row.team(), null) : row;
            m.forEach((measure, n) -> merged.computeIfAbsent(target, k -> new TreeMap<>()).merge(measure, n,
                    Long::sum));
        });
        Map<Row, Map<String, Long>> causeCounts = new TreeMap<>();
        tally.rows(Dimension.CAUSE).forEach((row, m) -> {
            Row target = new Row(Dimension.CATEGORY, row.team(), perTeam ? null : row.key());
            m.forEach((cause, n) -> causeCounts.computeIfAbsent(target, k -> new TreeMap<>())
                    .merge(causes.classify(cause), n, Long::sum));
        });
        List<VolumeReview> rows = new ArrayList<>();
        merged.forEach((row, m) -> {
            long volume = get(m, Measure.HANDLED);
            List<String> top = top(causeCounts.getOrDefault(row, Map.of()), TOP_CAUSES);
            rows.add(new VolumeReview(row.team(), row.key(), new TierFlow(volume, get(m, Measure.ESCALATED),
                    share(get(m, Measure.SOLVED_ESCALATED), volume), suffixed(m, Measure.ESCALATED_TO_TIER),
                    suffixed(m, Measure.SOLVED_AT_TIER)), quality(m, volume), get(m, Measure.BREACHES), top,
                    followUps(m), new VolumeFeedback(get(m, Measure.FEEDBACK),
                            shares(m, Measure.FEEDBACK_NEEDED, Measure.FEEDBACK_COMPLETE, Measure.FEEDBACK)),
                    TimeSpent.of(m)));
        });
        return rows;
    }

    /** The same figures for an agent's row and a category's or team's: {@code solved} tickets in either. */
    private static Quality quality(Map<String, Long> m, long solved) {
        return new Quality(get(m, Measure.REOPENED), share(get(m, Measure.REOPENED), solved), average(m),
                share(get(m, Measure.WITHIN_SLA), solved));
    }

    private static FollowUps followUps(Map<String, Long> m) {
        long followUps = get(m, Measure.FOLLOW_UPS);
        return new FollowUps(followUps, share(get(m, Measure.STAYED_SOLVED), followUps));
    }

    private static FeedbackShares shares(Map<String, Long> m, String needed, String complete, String given) {
        return new FeedbackShares(share(get(m, needed), get(m, given)), share(get(m, complete), get(m, given)));
    }

    private static List<CauseReview> rootCauses(Tally tally, RootCauses causes,
                                                Map<String, Map<String, Long>> months) {
        Map<String, Map<String, Long>> byCause = new TreeMap<>();
        tally.rows(Dimension.CAUSE).forEach((row, m) -> m.forEach((cause, n) ->
                byCause.computeIfAbsent(causes.classify(cause), c -> new TreeMap<>()).merge(row.key(), n,
                        Long::sum)));
        Map<String, Map<String, Long>> byArea = new TreeMap<>();
        tally.rows(Dimension.CAUSE_IN_AREA).forEach((row, m) -> m.forEach((cause, n) ->
                byArea.computeIfAbsent(causes.classify(cause), c -> new TreeMap<>()).merge(row.key(), n,
                        Long::sum)));
        List<CauseReview> rows = new ArrayList<>();
        byCause.forEach((cause, byCategory) -> rows.add(new CauseReview(cause,
                byCategory.values().stream().mapToLong(Long::longValue).sum(), byCategory,
                byArea.getOrDefault(cause, Map.of()), months.getOrDefault(cause, Map.of()))));
        rows.sort(Comparator.comparing(CauseReview::total).reversed().thenComparing(CauseReview::cause));
        return rows;
    }

    private static List<SatisfactionReview> satisfaction(Tally tally) {
        List<SatisfactionReview> rows = new ArrayList<>();
        tally.rows(Dimension.SATISFACTION).forEach((row, m) -> rows.add(ratings(
                row.key().startsWith(ReviewCounters.SatisfactionGroup.TIER_PREFIX) ? "tier" : "escalation",
                row.team() + " " + row.key(), m)));
        Map<String, Map<String, Long>> byTeam = new TreeMap<>();
        tally.rows(Dimension.CATEGORY).forEach((row, m) -> m.forEach((measure, n) ->
                byTeam.computeIfAbsent(row.team(), k -> new TreeMap<>()).merge(measure, n, Long::sum)));
        byTeam.forEach((team, m) -> rows.add(ratings("team", team, m)));
        tally.rows(Dimension.AGENT).forEach((row, m) -> {
            if (!row.key().equals("*")) {
                rows.add(ratings("agent", row.team() + " " + row.key(), m));
            }
        });
        rows.removeIf(r -> r.ratings() == 0);
        return rows;
    }

    private static SatisfactionReview ratings(String by, String group, Map<String, Long> m) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        long count = 0;
        for (int r = 1; r <= 5; r++) {
            long n = get(m, Measure.RATING_PREFIX + r);
            distribution.put(Integer.toString(r), n);
            count += n;
        }
        return new SatisfactionReview(by, group, count, average(m), distribution);
    }

    /** The keys of the {@code n} largest counts, largest first, ties by name. */
    private static List<String> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Long> suffixed(Map<String, Long> m, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((measure, n) -> {
            if (measure.startsWith(prefix)) {
                out.put(measure.substring(prefix.length()), n);
            }
        });
        return out;
    }

    /** The average rating, or null when nobody rated. */
    private static Double average(Map<String, Long> m) {
        long count = 0;
        long sum = 0;
        for (int r = 1; r <= 5; r++) {
            long n = get(m, Measure.RATING_PREFIX + r);
            count += n;
            sum += n * r;
        }
        return count == 0 ? null : round((double) sum / count);
    }

    private static long get(Map<String, Long> m, String measure) {
        return m.getOrDefault(measure, 0L);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(10_000.0 * value) / 10_000.0;
    }

    private record Row(Dimension dimension, String team, String key) implements Comparable<Row> {
        private static final Comparator<Row> ORDER = Comparator.comparing(Row::dimension)
                .thenComparing(Row::team).thenComparing(Row::key, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }

    /** Counters summed over the period, by row (dimension, team, key), then measure. */
    private static final class Tally {
        private final Map<Row, Map<String, Long>> rows = new TreeMap<>();

        void add(ReviewKey key, long n) {
            rows.computeIfAbsent(new Row(key.dimension(), key.team(), key.key()), r -> new TreeMap<>())
                    .merge(key.measure(), n, Long::sum);
        }

        Map<Row, Map<String, Long>> rows(Dimension dimension) {
            Map<Row, Map<String, Long>> out = new TreeMap<>();
            rows.forEach((row, m) -> {
                if (row.dimension() == dimension) {
                    out.put(row, m);
                }
            });
            return out;
        }

        Map<String, Long> measures(Row row) {
            return rows.getOrDefault(row, Map.of());
        }
    }
}
