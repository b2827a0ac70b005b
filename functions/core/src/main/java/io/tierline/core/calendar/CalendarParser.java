package io.tierline.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the policy document's {@code calendars} section:
 * <pre>
 * [{"id": "berlin-office", "timeZone": "Europe/Berlin",
 *   "weekly": {"monday": [["09:00", "12:30"], ["13:30", "17:00"]], ...},
 *   "holidays": ["2026-12-24", {"from": "2026-12-27", "to": "2026-12-31"}, {"yearly": "01-01"}]},
 *  {"id": "24x7", "timeZone": "UTC", "alwaysOpen": true}]
 * </pre>
 * Every problem is reported with its path, e.g. {@code calendars[berlin-office].weekly.monday[1]: intervals overlap}.
 */
public final class CalendarParser {
    public static final String SECTION = "calendars";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> FIELDS = Set.of("id", "timeZone", "weekly", "alwaysOpen", "holidays");
    private static final Set<String> RANGE_FIELDS = Set.of("from", "to");
    private static final Set<String> YEARLY_FIELDS = Set.of("yearly");
    private static final Set<String> DAY_FIELDS = Arrays.stream(DayOfWeek.values()).map(WeeklyHours::fieldOf)
            .collect(Collectors.toUnmodifiableSet());

    private CalendarParser() {
    }

    /** The calendars of {@code section} (missing means none); throws with every problem found. */
    public static Calendars parse(JsonNode section) {
        FieldProblems problems = FieldProblems.at(SECTION);
        Calendars calendars = read(section, problems);
        problems.throwIfAny();
        return calendars;
    }

    /** Reads what it can, adding each problem to {@code problems}; the result holds only the valid calendars. */
    public static Calendars read(JsonNode section, FieldProblems problems) {
        if (section.isMissingNode() || section.isNull()) {
            return Calendars.NONE;
        }
        if (!section.isArray()) {
            problems.add("must be an array of calendars");
            return Calendars.NONE;
        }
        List<BusinessCalendar> calendars = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < section.size(); i++) {
            JsonNode node = section.get(i);
            FieldProblems at = problems.item(i, node, "id");
            int before = at.count();
            BusinessCalendar calendar = calendar(node, at, ids);
            if (at.count() == before) {
                calendars.add(calendar);
            }
        }
        return Calendars.of(calendars);
    }

    private static BusinessCalendar calendar(JsonNode node, FieldProblems at, Set<String> ids) {
        if (!at.requireObject(node)) {
            return null;
        }
        at.rejectUnknown(node, FIELDS);
        String id = id(node.path("id"), at.field("id"), ids);
        ZoneId zone = zone(node.path("timeZone"), at.field("timeZone"));
        WeeklyHours hours = weekly(node, at);
        Holidays holidays = holidays(node.path("holidays"), at.field("holidays"));
        return id == null || zone == null || hours == null || holidays == null ? null
                : new BusinessCalendar(id, zone, hours, holidays);
    }

    private static String id(JsonNode node, FieldProblems at, Set<String> ids) {
        if (!node.isTextual()) {
            at.add("is required: a calendar id such as berlin-office");
            return null;
        }
        String id = node.asText();
        if (!ID.matcher(id).matches()) {
            at.add("must be lower-case letters, digits and -, at most 63 characters");
        } else if (BusinessCalendar.CALENDAR_TIME_ID.equals(id)) {
            at.add("'" + id + "' is reserved: it means plain elapsed time");
        } else if (!ids.add(id)) {
            at.add("is used by another calendar");
        } else {
            return id;
        }
        return null;
    }

    private static ZoneId zone(JsonNode node, FieldProblems at) {
        if (!node.isTextual() || !ZoneId.getAvailableZoneIds().contains(node.asText())) {
            at.add("must be an IANA time zone such as Europe/Berlin or UTC");
            return null;
        }
        return ZoneId.of(node.asText());
    }

    private static WeeklyHours weekly(JsonNode calendar, FieldProblems at) {
        JsonNode alwaysOpen = calendar.path("alwaysOpen");
        JsonNode weekly = calendar.path("weekly");
        if (!alwaysOpen.isMissingNode()) {
            if (!alwaysOpen.isBoolean() || !alwaysOpen.asBoolean()) {
                at.field("alwaysOpen").add("must be true when present; give weekly hours otherwise");
                return null;
            }
            if (!weekly.isMissingNode()) {
                at.field("weekly").add("must be absent when alwaysOpen is true");
                return null;
            }
            return WeeklyHours.allDay();
        }
        FieldProblems weeklyAt = at.field("weekly");
        if (!weeklyAt.requireObject(weekly)) {
            return null;
        }
        weeklyAt.rejectUnknown(weekly, DAY_FIELDS);
        int before = at.count();
        Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonNode intervals = weekly.path(WeeklyHours.fieldOf(day));
            if (!intervals.isMissingNode()) {
                days.put(day, intervals(intervals, weeklyAt.field(WeeklyHours.fieldOf(day))));
            }
        }
        if (at.count() > before) {
            return null;
        }
        try {
            return new WeeklyHours(days);
        } catch (InvalidInputException e) {
            at.addAll(e);
            return null;
        }
    }

    private static List<OpenInterval> intervals(JsonNode node, FieldProblems at) {
        List<OpenInterval> intervals = new ArrayList<>();
        if (!node.isArray()) {
            at.add("must be an array of [\"HH:mm\", \"HH:mm\"] intervals; [] for a closed day");
            return intervals;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode pair = node.get(i);
            FieldProblems intervalAt = at.index(i);
            if (!pair.isArray() || pair.size() != 2) {
                intervalAt.add("must be a pair [\"HH:mm\", \"HH:mm\"] of start and end");
                continue;
            }
            Integer start = time(pair.get(0), intervalAt.index(0));
            Integer end = time(pair.get(1), intervalAt.index(1));
            if (start != null && end != null) {
                try {
                    intervals.add(new OpenInterval(start, end));
                } catch (IllegalArgumentException e) {
                    intervalAt.add(e.getMessage());
                }
            }
        }
        return intervals;
    }

    private static Integer time(JsonNode node, FieldProblems at) {
        try {
            return OpenInterval.secondOfDay(node.isTextual() ? node.asText() : null);
        } catch (IllegalArgumentException e) {
            at.add(e.getMessage());
            return null;
        }
    }

    private static Holidays holidays(JsonNode node, FieldProblems at) {
        if (node.isMissingNode() || node.isNull()) {
            return Holidays.NONE;
        }
        if (!node.isArray()) {
            at.add("must be an array of dates, {\"from\", \"to\"} ranges and {\"yearly\": \"MM-dd\"} days");
            return null;
        }
        int before = at.count();
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Holiday holiday = holiday(node.get(i), at.index(i));
            if (holiday != null) {
                holidays.add(holiday);
            }
        }
        return at.count() > before ? null : new Holidays(holidays);
    }

    private static Holiday holiday(JsonNode node, FieldProblems at) {
        if (node.isTextual()) {
            LocalDate date = date(node, at);
            return date == null ? null : new Holiday.OnDate(date);
        }
        if (node.isObject() && node.has("yearly")) {
            at.rejectUnknown(node, YEARLY_FIELDS);
            return yearly(node.get("yearly"), at.field("yearly"));
        }
        if (node.isObject() && (node.has("from") || node.has("to"))) {
            at.rejectUnknown(node, RANGE_FIELDS);
            LocalDate from = date(node.path("from"), at.field("from"));
            LocalDate to = date(node.path("to"), at.field("to"));
            if (from != null && to != null && to.isBefore(from)) {
                at.field("to").add("must not be before from (" + from + ")");
                return null;
            }
            return from == null || to == null ? null : new Holiday.DateRange(from, to);
        }
        at.add("must be a date \"2026-12-24\", a range {\"from\": ..., \"to\": ...} or {\"yearly\": \"12-25\"}");
        return null;
    }

    private static LocalDate date(JsonNode node, FieldProblems at) {
        try {
            if (node.isTextual()) {
                return LocalDate.parse(node.asText());
            }
        } catch (DateTimeException e) {
            // reported below with the expected form
        }
        at.add("must be a date yyyy-MM-dd");
        return null;
    }

    private static Holiday yearly(JsonNode node, FieldProblems at) {
        try {
            if (node.isTextual()) {
                return new Holiday.Yearly(MonthDay.parse("--" + node.asText()));
            }
        } catch (DateTimeException e) {
            // reported below with the expected form
        }
        at.add("must be a month and day MM-dd, e.g. 12-25");
        return null;
    }
}
