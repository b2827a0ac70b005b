package io.tierline.core.calendar;

import static io.tierline.core.calendar.CalendarFixtures.BERLIN;
import static io.tierline.core.calendar.CalendarFixtures.NEW_YORK;
import static io.tierline.core.calendar.CalendarFixtures.berlin;
import static io.tierline.core.calendar.CalendarFixtures.local;
import static io.tierline.core.calendar.CalendarFixtures.nineToFive;
import static io.tierline.core.calendar.CalendarFixtures.officeWithLunch;
import static io.tierline.core.calendar.CalendarFixtures.only;
import static io.tierline.core.calendar.CalendarFixtures.utc;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Nested
    class WholeDays {
        /** Zammad #3180: a day configured 00:00–23:59 was closed for one minute at midnight. 24:00 closes nothing. */
        final BusinessCalendar allWeek = BusinessCalendar.alwaysOpen("all-week", BERLIN);

        @Test
        void aDayOpenUntil2400DoesNotCloseAtMidnight() {
            Instant beforeMidnight = berlin("2026-06-01T23:59:30");
            assertTrue(allWeek.isOpen(beforeMidnight));
            assertTrue(allWeek.isOpen(berlin("2026-06-02T00:00:00")));
            assertEquals(berlin("2026-06-02T00:01:00"), allWeek.addBusinessTime(berlin("2026-06-01T23:59:00"),
                    Duration.ofMinutes(2)));
            assertEquals(Duration.ofMinutes(2), allWeek.businessTimeBetween(berlin("2026-06-01T23:59:00"),
                    berlin("2026-06-02T00:01:00")));
            assertEquals(beforeMidnight, allWeek.nextOpening(beforeMidnight));
        }

        @Test
        void onlyAnExplicit2359EndLeavesTheLastMinuteClosed() {
            BusinessCalendar to2359 = new BusinessCalendar("to-2359", BERLIN,
                    WeeklyHours.on(List.of(DayOfWeek.values()), OpenInterval.of("00:00", "23:59")), Holidays.NONE);
            assertFalse(to2359.isOpen(berlin("2026-06-01T23:59:30")));
            assertEquals(MINUTE, to2359.businessTimeBetween(berlin("2026-06-01T23:59:00"),
                    berlin("2026-06-02T00:01:00")));
        }
    }

    @Nested
    class MissingWeekdays {
        /** osTicket #6739: tickets created on a day the schedule does not list were overdue at creation. */
        final BusinessCalendar tuesdaysAndThursdays = new BusinessCalendar("tue-thu", BERLIN, WeeklyHours.on(
                List.of(TUESDAY, THURSDAY), OpenInterval.of("09:00", "17:00")), Holidays.NONE);

        @Test
        void aTicketCreatedOnAClosedDayStartsCountingAtTheNextOpening() {
            Instant mondayMorning = berlin("2026-06-01T10:00:00");
            assertFalse(tuesdaysAndThursdays.isOpen(mondayMorning));
            assertEquals(berlin("2026-06-02T09:00:00"), tuesdaysAndThursdays.nextOpening(mondayMorning));
            assertEquals(Duration.ZERO, tuesdaysAndThursdays.businessTimeBetween(mondayMorning,
                    berlin("2026-06-01T23:00:00")));
            // a 4-hour target is due Tuesday 13:00, never at (or before) creation
            assertEquals(berlin("2026-06-02T13:00:00"), tuesdaysAndThursdays.addBusinessTime(mondayMorning,
                    Duration.ofHours(4)));
            // 10 hours: Tuesday gives 8, Wednesday is not listed, Thursday 09:00 + 2 h
            assertEquals(berlin("2026-06-04T11:00:00"), tuesdaysAndThursdays.addBusinessTime(mondayMorning,
                    Duration.ofHours(10)));
        }

        @Test
        void aTicketCreatedAtTheWeekendOfAWeekdayScheduleStartsMonday() {
            BusinessCalendar weekdays = nineToFive(BERLIN);
            Instant saturday = berlin("2026-06-06T11:00:00");
            assertEquals(berlin("2026-06-08T09:00:00"), weekdays.nextOpening(saturday));
            assertEquals(berlin("2026-06-08T09:01:00"), weekdays.addBusinessTime(saturday, MINUTE));
        }
    }

    @Nested
    class DaylightSaving {
        // Europe/Berlin 2026: 29 March 02:00 CET becomes 03:00 CEST (01:00Z); 25 October 03:00 CEST becomes 02:00 CET
        // (01:00Z). America/New_York 2026: 8 March 02:00 EST -> 03:00 EDT (07:00Z); 1 November 02:00 EDT -> 01:00 EST
        // (06:00Z).

        @Test
        void officeHoursKeepTheirLocalTimeAcrossTheSpringChange() {
            // Friday 16:00 CET = 15:00Z; one hour Friday, one hour Monday from 09:00 CEST = 07:00Z
            assertEquals(utc("2026-03-30T08:00:00Z"), nineToFive(BERLIN).addBusinessTime(
                    utc("2026-03-27T15:00:00Z"), Duration.ofHours(2)));
            assertEquals(utc("2026-03-09T14:00:00Z"), nineToFive(NEW_YORK).addBusinessTime(
                    utc("2026-03-06T21:00:00Z"), Duration.ofHours(2)));
        }

        @Test
        void officeHoursKeepTheirLocalTimeAcrossTheAutumnChange() {
            // Friday 16:00 CEST = 14:00Z; Monday 10:00 CET = 09:00Z
            assertEquals(utc("2026-10-26T09:00:00Z"), nineToFive(BERLIN).addBusinessTime(
                    utc("2026-10-23T14:00:00Z"), Duration.ofHours(2)));
            // Friday 16:00 EDT = 20:00Z; Monday 10:00 EST = 15:00Z
            assertEquals(utc("2026-11-02T15:00:00Z"), nineToFive(NEW_YORK).addBusinessTime(
                    utc("2026-10-30T20:00:00Z"), Duration.ofHours(2)));
        }

        @Test
        void aRoundTheClockDayHas23HoursInSpringAnd25InAutumn() {
            BusinessCalendar berlin = BusinessCalendar.alwaysOpen("berlin-24x7", BERLIN);
            assertEquals(Duration.ofHours(47), berlin.businessTimeBetween(berlin("2026-03-28T00:00:00"),
                    berlin("2026-03-30T00:00:00")));
            assertEquals(Duration.ofHours(49), berlin.businessTimeBetween(berlin("2026-10-24T00:00:00"),
                    berlin("2026-10-26T00:00:00")));
            BusinessCalendar newYork = BusinessCalendar.alwaysOpen("ny-24x7", NEW_YORK);
            assertEquals(Duration.ofHours(25), newYork.businessTimeBetween(local("2026-11-01T00:00:00", NEW_YORK),
                    local("2026-11-02T00:00:00", NEW_YORK)));
        }

        @Test
        void hoursInsideTheSkippedHourDoNotExistThatDay() {
            BusinessCalendar sundayTwoToThree = only(BERLIN, SUNDAY, "02:00", "03:00");
            assertEquals(Duration.ZERO, sundayTwoToThree.businessTimeBetween(berlin("2026-03-28T12:00:00"),
                    berlin("2026-03-30T12:00:00")));
            // the first open minute after that Sunday is the next Sunday, 02:00 CEST = 00:00Z
            assertEquals(utc("2026-04-05T00:01:00Z"), sundayTwoToThree.addBusinessTime(
                    berlin("2026-03-28T12:00:00"), MINUTE));
            BusinessCalendar newYork = only(NEW_YORK, SUNDAY, "02:00", "03:00");
            assertEquals(Duration.ZERO, newYork.businessTimeBetween(utc("2026-03-08T00:00:00Z"),
                    utc("2026-03-09T00:00:00Z")));
        }

        @Test
        void hoursAcrossTheSkippedHourLoseIt() {
            // 01:30-03:30 local on 29 March: 01:30-02:00 CET (00:30Z-01:00Z) then 03:00-03:30 CEST (01:00Z-01:30Z)
            BusinessCalendar sunday = only(BERLIN, SUNDAY, "01:30", "03:30");
            assertEquals(Duration.ofHours(1), sunday.businessTimeBetween(berlin("2026-03-28T12:00:00"),
                    berlin("2026-03-30T12:00:00")));
            assertEquals(utc("2026-03-29T01:15:00Z"), sunday.addBusinessTime(berlin("2026-03-28T12:00:00"),
                    Duration.ofMinutes(45)));
        }

        @Test
        void hoursInsideTheRepeatedHourCountTwice() {
            // 02:00-03:00 local on 25 October happens from 00:00Z to 01:00Z (CEST) and again to 02:00Z (CET)
            BusinessCalendar sunday = only(BERLIN, SUNDAY, "02:00", "03:00");
            assertEquals(Duration.ofHours(2), sunday.businessTimeBetween(berlin("2026-10-24T12:00:00"),
                    berlin("2026-10-26T12:00:00")));
            assertEquals(utc("2026-10-25T01:30:00Z"), sunday.addBusinessTime(berlin("2026-10-24T12:00:00"),
                    Duration.ofMinutes(90)));
            BusinessCalendar newYork = only(NEW_YORK, SUNDAY, "01:00", "02:00");
            assertEquals(Duration.ofHours(2), newYork.businessTimeBetween(utc("2026-11-01T00:00:00Z"),
                    utc("2026-11-02T00:00:00Z")));
        }

        @Test
        void partOfTheRepeatedHourIsOpenTwiceWithAGapBetween() {
            // 02:30-03:00 local: 00:30Z-01:00Z (CEST), then 02:00-02:30 CET (01:00Z-01:30Z) is closed,
            // then 02:30-03:00 CET (01:30Z-02:00Z) again
            BusinessCalendar sunday = only(BERLIN, SUNDAY, "02:30", "03:00");
            assertTrue(sunday.isOpen(utc("2026-10-25T00:45:00Z")));
            assertFalse(sunday.isOpen(utc("2026-10-25T01:15:00Z")));
            assertTrue(sunday.isOpen(utc("2026-10-25T01:45:00Z")));
            assertEquals(utc("2026-10-25T01:30:00Z"), sunday.nextOpening(utc("2026-10-25T01:00:00Z")));
            assertEquals(Duration.ofHours(1), sunday.businessTimeBetween(berlin("2026-10-24T12:00:00"),
                    berlin("2026-10-26T12:00:00")));
            assertEquals(utc("2026-10-25T01:40:00Z"), sunday.addBusinessTime(utc("2026-10-25T00:50:00Z"),
                    Duration.ofMinutes(20)));
        }
    }

    @Nested
    class HolidayRules {
        @Test
        void holidaysNextToAWeekendJoinItIntoOneClosedStretch() {
            // Easter 2026: Good Friday 3 April and Easter Monday 6 April
            BusinessCalendar easter = nineToFive(BERLIN, new Holiday.OnDate(LocalDate.parse("2026-04-03")),
                    new Holiday.OnDate(LocalDate.parse("2026-04-06")));
            Instant thursday = berlin("2026-04-02T16:00:00");
            assertEquals(berlin("2026-04-07T10:00:00"), easter.addBusinessTime(thursday, Duration.ofHours(2)));
            assertEquals(berlin("2026-04-07T09:00:00"), easter.nextOpening(berlin("2026-04-02T17:00:00")));
            assertEquals(Duration.ofHours(2), easter.businessTimeBetween(thursday, berlin("2026-04-07T10:00:00")));
        }

        @Test
        void aRangeCoversEveryDayIncludingBothEnds() {
            BusinessCalendar closedBetweenYears = nineToFive(BERLIN, new Holiday.DateRange(
                    LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-01")));
            assertEquals(berlin("2027-01-04T09:30:00"), closedBetweenYears.addBusinessTime(
                    berlin("2026-12-23T16:30:00"), Duration.ofHours(1)));
        }

        @Test
        void theYearEndsAndTheNextBeginsWithAYearlyHoliday() {
            // Wednesday 31 December 2025 16:00; Thursday 1 January is a holiday; Friday 2 January opens 09:00
            BusinessCalendar newYear = nineToFive(BERLIN, new Holiday.Yearly(MonthDay.of(1, 1)));
            Instant newYearsEve = berlin("2025-12-31T16:00:00");
            assertEquals(berlin("2026-01-02T10:00:00"), newYear.addBusinessTime(newYearsEve, Duration.ofHours(2)));
            assertEquals(Duration.ofHours(2), newYear.businessTimeBetween(newYearsEve,
                    berlin("2026-01-02T10:00:00")));
            assertFalse(newYear.isOpen(berlin("2027-01-01T10:00:00")), "recurs every year");
        }

        @Test
        void aYearlyLeapDayClosesOnlyInLeapYears() {
            BusinessCalendar leap = nineToFive(BERLIN, new Holiday.Yearly(MonthDay.of(2, 29)));
            assertFalse(leap.isOpen(berlin("2028-02-29T10:00:00")));
            assertTrue(leap.isOpen(berlin("2027-03-01T10:00:00")));
            assertTrue(leap.isOpen(berlin("2027-02-26T10:00:00")));
        }

        @Test
        void holidaysThatCloseEveryDayAreAClearErrorNotAnEndlessLoop() {
            BusinessCalendar closedForever = nineToFive(BERLIN, new Holiday.DateRange(LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2099-12-31")));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> closedForever.nextOpening(berlin("2026-06-01T10:00:00")));
            assertTrue(e.getMessage().contains("nine-to-five"), e.getMessage());
        }
    }

    @Nested
    class Arithmetic {
        final BusinessCalendar office = officeWithLunch();

        @Test
        void aTargetOfSeveralWeeksSkipsWholeWeeks() {
            // 100 h from Monday 1 June 09:00 at 35 h a week: two weeks (70 h) end Friday 12 June 17:00;
            // Monday to Thursday add 28 h; the last 2 h end Friday 19 June 11:00
            Instant start = berlin("2026-06-01T09:00:00");
            Instant end = office.addBusinessTime(start, Duration.ofHours(100));
            assertEquals(berlin("2026-06-19T11:00:00"), end);
            assertEquals(Duration.ofHours(100), office.businessTimeBetween(start, end));
            // 52 weeks of business time cross both daylight-saving changes and end at a Friday's closing
            Instant yearLater = office.addBusinessTime(start, Duration.ofHours(35 * 52));
            assertEquals(berlin("2027-05-28T17:00:00"), yearLater);
            assertEquals(Duration.ofHours(35 * 52), office.businessTimeBetween(start, yearLater));
        }

        @Test
        void addingZeroReturnsTheStartEvenWhenClosed() {
            Instant saturday = berlin("2026-06-06T11:00:00");
            assertEquals(saturday, office.addBusinessTime(saturday, Duration.ZERO));
            Instant monday = berlin("2026-06-08T10:00:00");
            assertEquals(monday, office.addBusinessTime(monday, Duration.ZERO));
        }

        @Test
        void startingInsideTheLunchBreakCountsFromItsEnd() {
            Instant lunch = berlin("2026-06-01T12:45:00");
            assertFalse(office.isOpen(lunch));
            assertEquals(berlin("2026-06-01T13:30:00"), office.nextOpening(lunch));
            assertEquals(berlin("2026-06-01T14:30:00"), office.addBusinessTime(lunch, Duration.ofHours(1)));
            assertEquals(Duration.ZERO, office.businessTimeBetween(lunch, berlin("2026-06-01T13:30:00")));
        }

        @Test
        void anIntervalIncludesItsStartAndExcludesItsEnd() {
            assertTrue(office.isOpen(berlin("2026-06-01T09:00:00")));
            assertFalse(office.isOpen(berlin("2026-06-01T08:59:59")));
            assertTrue(office.isOpen(berlin("2026-06-01T12:29:59.999")));
            assertFalse(office.isOpen(berlin("2026-06-01T12:30:00")));
        }

        @Test
        void reachingTheEndOfAnIntervalStopsThereNotAtTheNextOpening() {
            assertEquals(berlin("2026-06-01T12:30:00"), office.addBusinessTime(berlin("2026-06-01T12:00:00"),
                    Duration.ofMinutes(30)));
            assertEquals(berlin("2026-06-05T17:00:00"), office.addBusinessTime(berlin("2026-06-05T16:00:00"),
                    Duration.ofHours(1)));
        }

        @Test
        void betweenIsNegativeWhenTheEndComesFirstAndExactBelowASecond() {
            Instant a = berlin("2026-06-01T10:00:00.250");
            Instant b = berlin("2026-06-01T10:00:01");
            assertEquals(Duration.ofMillis(750), office.businessTimeBetween(a, b));
            assertEquals(Duration.ofMillis(-750), office.businessTimeBetween(b, a));
            assertThrows(IllegalArgumentException.class, () -> office.addBusinessTime(a, Duration.ofSeconds(-1)));
        }

        @Test
        void calendarTimeIsPlainElapsedTime() {
            Instant start = utc("2026-03-28T22:15:00Z");
            assertTrue(BusinessCalendar.CALENDAR_TIME.isCalendarTime());
            assertEquals(start.plus(Duration.ofDays(3)), BusinessCalendar.CALENDAR_TIME.addBusinessTime(start,
                    Duration.ofDays(3)));
            assertFalse(office.isCalendarTime());
        }
    }

    @Nested
    class Validation {
        @Test
        void intervalsOfADayMustBeOrderedAndNotOverlap() {
            Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
            days.put(DayOfWeek.MONDAY, List.of(OpenInterval.of("09:00", "13:00"), OpenInterval.of("12:30", "17:00")));
            days.put(DayOfWeek.TUESDAY, List.of(OpenInterval.of("13:00", "17:00"), OpenInterval.of("09:00", "12:00")));
            days.put(DayOfWeek.WEDNESDAY, List.of(OpenInterval.of("09:00", "12:00"), OpenInterval.of("12:00", "17:00")));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new WeeklyHours(days));
            assertEquals(List.of(
                    new FieldError("weekly.monday[1]", "intervals overlap: 12:30–17:00 starts before 09:00–13:00 ends"),
                    new FieldError("weekly.tuesday[1]", "intervals out of order: 09:00–12:00 starts before "
                            + "13:00–17:00; list a day's intervals from morning to evening")), e.errors());
        }

        @Test
        void anEmptyWeekIsRefused() {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of())));
            assertEquals("weekly", e.errors().get(0).field());
            assertTrue(e.errors().get(0).problem().contains("never reach a deadline"));
        }

        @Test
        void timesAreWholeMinutesFrom0000To2400() {
            assertEquals(86_400, OpenInterval.secondOfDay("24:00"));
            assertEquals(34_200, OpenInterval.secondOfDay("09:30"));
            for (String bad : List.of("24:01", "9:00", "12:60", "noon", "25:00")) {
                assertThrows(IllegalArgumentException.class, () -> OpenInterval.secondOfDay(bad), bad);
            }
            assertThrows(IllegalArgumentException.class, () -> OpenInterval.of("17:00", "09:00"));
            assertThrows(IllegalArgumentException.class, () -> OpenInterval.of("24:00", "24:00"));
        }
    }
}
