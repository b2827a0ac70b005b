package io.tierline.core.calendar;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.DocumentProblems;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.validation.PolicySchema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the policy document's {@code calendars} section:
 * <pre>
 * [{"id": "berlin-office", "timeZone": "Europe/Berlin",
 *   "weekly": {"monday": [["09:00", "12:30"], ["13:30", "17:00"]], ...},
 *   "holidays": ["2026-12-24", {"from": "2026-12-27", "to": "2026-12-31"}, {"yearly": "01-01"}]},
 *  {"id": "24x7", "timeZone": "UTC", "alwaysOpen": true}]
 * </pre>
 * Its shape is the schema's ({@code $defs/calendar}); here only what a schema cannot say: ids are unique, the time
 * zone is known to this JVM, a day's intervals end after they start and are in order, a range does not end before
 * it starts, a week opens at least once.
 */
public final class CalendarParser {
    public static final String SECTION = "calendars";
    private static final JsonPointer AT = JsonPointer.compile("/" + SECTION);

    private CalendarParser() {
    }

    /** The calendars of {@code section} (missing means none); throws with every problem found. */
    public static Calendars parse(JsonNode section) {
        DocumentProblems problems = PolicySchema.checkSection(SECTION, section);
        Calendars calendars = read(section, problems);
        problems.throwIfAny();
        return calendars;
    }

    /** Adds what the schema cannot see to {@code problems}; the result holds only the calendars without any. */
    public static Calendars read(JsonNode section, DocumentProblems problems) {
        List<BusinessCalendar> calendars = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; section.isArray() && i < section.size(); i++) {
            JsonNode node = section.get(i);
            JsonPointer at = AT.appendIndex(i);
            if (!node.isObject()) {
                continue; // the schema said what it should be
            }
            String id = node.path("id").asText();
            if (problems.sound(at.appendProperty("id")) && !ids.add(id)) {
                problems.add(at.appendProperty("id"), "is used by another calendar");
            }
            JsonPointer zoneAt = at.appendProperty("timeZone");
            String zone = node.path("timeZone").asText();
            if (problems.sound(zoneAt) && !ZoneId.getAvailableZoneIds().contains(zone)) {
                problems.add(zoneAt, "must be an IANA time zone such as Europe/Berlin or UTC");
            }
            WeeklyHours hours = node.has("alwaysOpen") ? WeeklyHours.allDay()
                    : weekly(node.path("weekly"), at, problems);
            Holidays holidays = holidays(node.path("holidays"), at.appendProperty("holidays"), problems);
            if (problems.sound(at)) {
                calendars.add(new BusinessCalendar(id, ZoneId.of(zone), hours, holidays));
            }
        }
        return Calendars.of(calendars);
    }

    private static WeeklyHours weekly(JsonNode weekly, JsonPointer calendarAt, DocumentProblems problems) {
        JsonPointer at = calendarAt.appendProperty("weekly");
        Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonNode intervals = weekly.path(WeeklyHours.fieldOf(day));
            List<OpenInterval> open = new ArrayList<>();
            for (int i = 0; intervals.isArray() && i < intervals.size(); i++) {
                JsonPointer intervalAt = at.appendProperty(WeeklyHours.fieldOf(day)).appendIndex(i);
                if (problems.sound(intervalAt)) {
                    try {
                        open.add(OpenInterval.of(intervals.get(i).get(0).asText(), intervals.get(i).get(1).asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add(intervalAt, e.getMessage());
                    }
                }
            }
            days.put(day, open);
        }
        if (!problems.sound(at)) {
            return null;
        }
        try {
            return new WeeklyHours(days);
        } catch (InvalidInputException e) {
            problems.addAll(calendarAt, e);
            return null;
        }
    }

    private static Holidays holidays(JsonNode list, JsonPointer at, DocumentProblems problems) {
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!problems.sound(at.appendIndex(i))) {
                continue;
            }
            if (node.isTextual()) {
                holidays.add(new Holiday.OnDate(LocalDate.parse(node.asText())));
            } else if (node.has("yearly")) {
                holidays.add(new Holiday.Yearly(MonthDay.parse("--" + node.get("yearly").asText())));
            } else {
                LocalDate from = LocalDate.parse(node.get("from").asText());
                LocalDate to = LocalDate.parse(node.get("to").asText());
                if (to.isBefore(from)) {
                    problems.add(at.appendIndex(i).appendProperty("to"), "must not be before from (" + from + ")");
                } else {
                    holidays.add(new Holiday.DateRange(from, to));
                }
            }
        }
        return new Holidays(holidays);
    }
}
