package io.tierline.core.report;

import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The per-day counters one write adds to, so reports never read tickets back (docs/dashboard.md). Every audit event
 * counts under its type's code on the UTC day of its instant; a write that moves a ticket into {@code solved}
 * also counts {@value #SOLVED} and either {@value #SOLVED_WITHIN_SLA} or {@value #SOLVED_AFTER_BREACH}: whether the
 * ticket's trail holds an SLA breach up to that moment. The escalation reviews' counters ({@link ReviewCounters}) go
 * on the day of the write.
 *
 * @param increments counter increments by day, then by counter name
 * @param breached   tickets that get an SLA breach in this write (the store remembers them for later solves)
 */
public record DailyCounters(Map<LocalDate, Map<String, Long>> increments, Set<TicketId> breached) {
    public static final String SOLVED = "solved";
    public static final String SOLVED_WITHIN_SLA = "solved-within-sla";
    public static final String SOLVED_AFTER_BREACH = "solved-after-breach";
    public static final String BREACH = Codes.of(TicketEvent.EventType.SLA_BREACH);

    /**
     * @param everBreached whether a ticket had an SLA breach before this write (asked only for tickets being solved)
     */
    public static DailyCounters of(List<TicketChange> changes, Predicate<TicketId> everBreached) {
        Map<LocalDate, Map<String, Long>> increments = new LinkedHashMap<>();
        Set<TicketId> breached = new LinkedHashSet<>();
        for (TicketChange change : changes) {
            boolean breachNow = false;
            for (TicketEvent event : change.events()) {
                add(increments, event.at().atZone(ZoneOffset.UTC).toLocalDate(), Codes.of(event.type()));
                breachNow |= event.type() == TicketEvent.EventType.SLA_BREACH;
            }
            if (breachNow) {
                breached.add(change.after().id());
            }
            LocalDate changeDay = change.after().updatedAt().atZone(ZoneOffset.UTC).toLocalDate();
            boolean solved = becomesSolved(change);
            boolean breach = solved && (breachNow || everBreached.test(change.after().id()));
            if (solved) {
                add(increments, changeDay, SOLVED);
                add(increments, changeDay, breach ? SOLVED_AFTER_BREACH : SOLVED_WITHIN_SLA);
            }
            Map<String, Long> projected = new LinkedHashMap<>(ReviewCounters.of(change, breach));
            KnowledgeTicketCounters.of(change).forEach((counter, n) -> projected.merge(counter, n, Long::sum));
            projected.forEach((counter, n) -> add(increments, changeDay, counter, n));
            ReviewCounters.replacedRating(change).forEach((day, counts) ->
                    counts.forEach((counter, n) -> add(increments, day, counter, n)));
        }
        return new DailyCounters(increments, breached);
    }

    /** A resolution or a status move into solved; a ticket created solved counts too. */
    public static boolean becomesSolved(TicketChange change) {
        return change.after().status() == Status.SOLVED
                && (change.before() == null || change.before().status() != Status.SOLVED);
    }

    public boolean isEmpty() {
        return increments.isEmpty() && breached.isEmpty();
    }

    private static void add(Map<LocalDate, Map<String, Long>> increments, LocalDate day, String counter) {
        add(increments, day, counter, 1);
    }

    private static void add(Map<LocalDate, Map<String, Long>> increments, LocalDate day, String counter, long n) {
        increments.computeIfAbsent(day, d -> new LinkedHashMap<>()).merge(counter, n, Long::sum);
    }
}
