package io.tierline.core.calendar;

import static io.tierline.core.calendar.CalendarFixtures.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarParserTest {

    static List<FieldError> errorsOf(String json) {
        return assertThrows(InvalidInputException.class, () -> CalendarParser.parse(Json.parse(json))).errors();
    }

    @Test
    void readsWeeklyHoursWithLunchBreaksHolidaysAndTheAlwaysOpenForm() {
        Calendars calendars = CalendarParser.parse(Json.parse("""
                [{"id": "berlin-office", "timeZone": "Europe/Berlin",
                  "weekly": {"monday": [["09:00", "12:30"], ["13:30", "17:00"]],
                             "tuesday": [["09:00", "17:00"]], "saturday": [],
                             "sunday": [["00:00", "24:00"]]},
                  "holidays": ["2026-12-24", {"from": "2026-12-27", "to": "2026-12-31"}, {"yearly": "01-01"}]},
                 {"id": "24x7", "timeZone": "UTC", "alwaysOpen": true}]"""));
        BusinessCalendar office = calendars.find("berlin-office").orElseThrow();
        assertEquals(ZoneId.of("Europe/Berlin"), office.timeZone());
        assertEquals(List.of(OpenInterval.of("09:00", "12:30"), OpenInterval.of("13:30", "17:00")),
                office.weeklyHours().on(DayOfWeek.MONDAY));
        assertEquals(List.of(), office.weeklyHours().on(DayOfWeek.WEDNESDAY));
        assertEquals(new OpenInterval(0, 86_400), office.weeklyHours().on(DayOfWeek.SUNDAY).get(0));
        assertEquals(List.of(new Holiday.OnDate(LocalDate.parse("2026-12-24")),
                new Holiday.DateRange(LocalDate.parse("2026-12-27"), LocalDate.parse("2026-12-31")),
                new Holiday.Yearly(MonthDay.of(1, 1))), office.holidays().list());
        assertFalse(office.isOpen(berlin("2026-12-29T10:00:00")));
        assertTrue(office.isOpen(berlin("2026-12-22T10:00:00")));
        assertTrue(calendars.find("24x7").orElseThrow().isCalendarTime());
        assertTrue(calendars.find("calendar-time").orElseThrow().isCalendarTime(), "always available");
        assertEquals(Duration.ofHours(2), calendars.find("24x7").orElseThrow()
                .businessTimeBetween(berlin("2026-12-24T10:00:00"), berlin("2026-12-24T12:00:00")));
    }

    @Test
    void aMissingSectionMeansNoCalendars() {
        assertEquals(Calendars.NONE, CalendarParser.parse(Json.parse("{}").path("calendars")));
    }

    @Test
    void overlappingIntervalsAreNamedByCalendarDayAndPosition() {
        List<FieldError> errors = errorsOf("""
                [{"id": "berlin-office", "timeZone": "Europe/Berlin",
                  "weekly": {"monday": [["09:00", "13:00"], ["12:30", "17:00"]]}}]""");
        assertEquals(List.of(new FieldError("calendars[berlin-office].weekly.monday[1]",
                "intervals overlap: 12:30–17:00 starts before 09:00–13:00 ends")), errors);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        List<FieldError> errors = errorsOf("""
                [{"id": "berlin-office", "timeZone": "Europe/Berlim",
                  "weekly": {"monday": [["9:00", "17:00"], ["18:00"]], "tuesday": [["17:00", "09:00"]],
                             "funday": []},
                  "holidays": ["2026-02-30", {"from": "2026-12-31", "to": "2026-12-27"}, {"yearly": "02-30"}, 7],
                  "colour": "blue"},
                 {"id": "berlin-office", "timeZone": "UTC", "alwaysOpen": true},
                 {"id": "Night Shift", "timeZone": "UTC", "alwaysOpen": false},
                 {"id": "calendar-time", "timeZone": "UTC", "alwaysOpen": true, "weekly": {}},
                 {"timeZone": "UTC", "weekly": {"monday": []}}]""");
        List<FieldError> expected = List.of(
                new FieldError("calendars[berlin-office].colour", "is not a known field; expected one of "
                        + "alwaysOpen, holidays, id, timeZone, weekly"),
                new FieldError("calendars[berlin-office].timeZone",
                        "must be an IANA time zone such as Europe/Berlin or UTC"),
                new FieldError("calendars[berlin-office].weekly.funday", "is not a known field; expected one of "
                        + "friday, monday, saturday, sunday, thursday, tuesday, wednesday"),
                new FieldError("calendars[berlin-office].weekly.monday[0][0]",
                        "must be a time HH:mm from 00:00 to 24:00"),
                new FieldError("calendars[berlin-office].weekly.monday[1]",
                        "must be a pair [\"HH:mm\", \"HH:mm\"] of start and end"),
                new FieldError("calendars[berlin-office].weekly.tuesday[0]", "must end after it starts"),
                new FieldError("calendars[berlin-office].holidays[0]", "must be a date yyyy-MM-dd"),
                new FieldError("calendars[berlin-office].holidays[1].to", "must not be before from (2026-12-31)"),
                new FieldError("calendars[berlin-office].holidays[2].yearly", "must be a month and day MM-dd, e.g. 12-25"),
                new FieldError("calendars[berlin-office].holidays[3]", "must be a date \"2026-12-24\", a range "
                        + "{\"from\": ..., \"to\": ...} or {\"yearly\": \"12-25\"}"),
                new FieldError("calendars[berlin-office].id", "is used by another calendar"),
                new FieldError("calendars[Night Shift].id",
                        "must be lower-case letters, digits and -, at most 63 characters"),
                new FieldError("calendars[Night Shift].alwaysOpen",
                        "must be true when present; give weekly hours otherwise"),
                new FieldError("calendars[calendar-time].id", "'calendar-time' is reserved: it means plain elapsed time"),
                new FieldError("calendars[calendar-time].weekly", "must be absent when alwaysOpen is true"),
                new FieldError("calendars[4].id", "is required: a calendar id such as berlin-office"),
                new FieldError("calendars[4].weekly", "has no opening hours on any day; a clock on this calendar "
                        + "would never reach a deadline (use alwaysOpen for 24/7)"));
        assertEquals(expected, errors);
    }

    @Test
    void theSectionMustBeAnArrayOfObjects() {
        assertEquals(List.of(new FieldError("calendars", "must be an array of calendars")),
                errorsOf("{\"id\": \"x\"}"));
        assertEquals(List.of(new FieldError("calendars[0]", "must be an object")), errorsOf("[3]"));
    }
}
