package io.tierline.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Laws of the calendar arithmetic over random calendars (several intervals a day, touching or not, missing days,
 * holidays, zones with daylight saving, a half-hour offset and a half-hour DST shift) and random instants in 2026–27.
 */
class BusinessCalendarPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-12-31T00:00:00Z");

    @Property(tries = 300)
    void addingThenMeasuringGivesBackTheAmount(@ForAll("calendars") BusinessCalendar calendar,
                                               @ForAll("instants") Instant start,
                                               @ForAll("amounts") Duration amount) {
        Instant end = calendar.addBusinessTime(start, amount);
        assertEquals(amount, calendar.businessTimeBetween(start, end), () -> calendar + " from " + start);
    }

    @Property(tries = 300)
    void addingMoreNeverEndsEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
                                    @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        Duration less = a.compareTo(b) <= 0 ? a : b;
        Duration more = a.compareTo(b) <= 0 ? b : a;
        Instant lessEnd = calendar.addBusinessTime(start, less);
        Instant moreEnd = calendar.addBusinessTime(start, more);
        assertFalse(moreEnd.isBefore(lessEnd));
        if (less.compareTo(more) < 0) {
            assertTrue(moreEnd.isAfter(lessEnd), "strictly later for strictly more");
        }
    }

    @Property(tries = 300)
    void aPositiveAmountEndsInOpenTimeOrAtTheEndOfAnInterval(@ForAll("calendars") BusinessCalendar calendar,
                                                            @ForAll("instants") Instant start,
                                                            @ForAll("amounts") Duration amount) {
        if (amount.isZero()) {
            return;
        }
        Instant end = calendar.addBusinessTime(start, amount);
        // the moment just before the end was open: the end is inside open time or closes an interval
        assertTrue(calendar.isOpen(end.minusNanos(1)), () -> calendar + " from " + start + " ends " + end);
    }

    @Property(tries = 300)
    void addingInTwoStepsEqualsAddingOnce(@ForAll("calendars") BusinessCalendar calendar,
                                          @ForAll("instants") Instant start,
                                          @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        if (a.isZero() || b.isZero()) {
            return;
        }
        assertEquals(calendar.addBusinessTime(start, a.plus(b)),
                calendar.addBusinessTime(calendar.addBusinessTime(start, a), b));
    }

    @Property(tries = 300)
    void measuringAcrossAPointEqualsMeasuringBothParts(@ForAll("calendars") BusinessCalendar calendar,
                                                      @ForAll("instants") Instant x, @ForAll("instants") Instant y,
                                                      @ForAll("instants") Instant z) {
        List<Instant> sorted = new ArrayList<>(List.of(x, y, z));
        sorted.sort(null);
        Instant a = sorted.get(0);
        Instant b = sorted.get(1);
        Instant c = sorted.get(2);
        assertEquals(calendar.businessTimeBetween(a, c),
                calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)));
        assertEquals(calendar.businessTimeBetween(a, c).negated(), calendar.businessTimeBetween(c, a));
    }

    @Property(tries = 300)
    void theNextOpeningIsTheInstantItselfExactlyWhenOpen(@ForAll("calendars") BusinessCalendar calendar,
                                                        @ForAll("instants") Instant instant) {
        Instant opening = calendar.nextOpening(instant);
        assertEquals(calendar.isOpen(instant), opening.equals(instant));
        assertTrue(calendar.isOpen(opening));
        assertEquals(Duration.ZERO, calendar.businessTimeBetween(instant, opening));
    }

    /** The reference: count open minutes one by one (exact, as zones, hours and starts are whole minutes here). */
    @Property(tries = 60)
    void measuringAgreesWithCountingOpenMinutes(@ForAll("calendars") BusinessCalendar calendar,
                                               @ForAll("instants") Instant from, @ForAll("days") int days) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(Duration.ofDays(days));
        long open = 0;
        for (Instant minute = start; minute.isBefore(end); minute = minute.plusSeconds(60)) {
            open += calendar.isOpen(minute) ? 1 : 0;
        }
        assertEquals(Duration.ofMinutes(open), calendar.businessTimeBetween(start, end), () -> calendar.toString());
    }

    @Property(tries = 300)
    void roundTheClockIsPlainDurationArithmetic(@ForAll("zones") ZoneId zone, @ForAll("instants") Instant start,
                                                @ForAll("amounts") Duration amount) {
        for (BusinessCalendar calendar : List.of(BusinessCalendar.alwaysOpen("24x7", zone),
                BusinessCalendar.CALENDAR_TIME)) {
            assertEquals(start.plus(amount), calendar.addBusinessTime(start, amount));
            assertEquals(amount, calendar.businessTimeBetween(start, start.plus(amount)));
            assertTrue(calendar.isOpen(start));
        }
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond());
        Arbitrary<Long> minutes = seconds.map(s -> s - Math.floorMod(s, 60));
        return Arbitraries.oneOf(seconds, minutes).map(Instant::ofEpochSecond);
    }

    /** Up to about six weeks of a working week's business time, in seconds, sometimes whole hours. */
    @Provide
    Arbitrary<Duration> amounts() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 240 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> hours = Arbitraries.longs().between(0, 240).map(Duration::ofHours);
        return Arbitraries.oneOf(seconds, hours);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 30);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Combinators.combine(zones(), weeks(), holidays())
                .as((zone, week, holidays) -> new BusinessCalendar("random", zone, week, holidays));
    }

    private Arbitrary<WeeklyHours> weeks() {
        return day().list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<OpenInterval>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            return map;
        }).filter(map -> map.values().stream().anyMatch(list -> !list.isEmpty())).map(WeeklyHours::new);
    }

    /** 0–3 ordered intervals on whole minutes (some quarter hours, so that intervals touch and hit DST hours). */
    private Arbitrary<List<OpenInterval>> day() {
        Arbitrary<Integer> anyMinute = Arbitraries.integers().between(0, 1440);
        Arbitrary<Integer> quarter = Arbitraries.integers().between(0, 96).map(q -> q * 15);
        Arbitrary<Integer> minute = Arbitraries.frequencyOf(
                Tuple.of(1, anyMinute), Tuple.of(2, quarter));
        return minute.list().ofMaxSize(6).map(points -> {
            List<Integer> sorted = points.stream().sorted().toList();
            List<OpenInterval> intervals = new ArrayList<>();
            int lastEnd = -1;
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                int start = Math.max(sorted.get(i), lastEnd);
                int end = sorted.get(i + 1);
                if (end > start) {
                    intervals.add(new OpenInterval(start * 60, end * 60));
                    lastEnd = end;
                }
            }
            return intervals;
        });
    }

    private Arbitrary<Holidays> holidays() {
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 729)
                .map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
        Arbitrary<Holiday> single = date.map(Holiday.OnDate::new);
        Arbitrary<Holiday> range = Combinators.combine(date, Arbitraries.integers().between(0, 10))
                .as((from, length) -> new Holiday.DateRange(from, from.plusDays(length)));
        Arbitrary<Holiday> yearly = date.map(d -> new Holiday.Yearly(MonthDay.from(d)));
        return Arbitraries.oneOf(single, range, yearly).list().ofMaxSize(4).map(Holidays::new);
    }
}
