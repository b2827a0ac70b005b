package io.tierline.core.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The business calendars of the policy document, by id; {@code calendar-time} always means plain elapsed time. */
public record Calendars(Map<String, BusinessCalendar> byId) {
    public static final Calendars NONE = new Calendars(Map.of());

    public Calendars {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        if (byId.containsKey(BusinessCalendar.CALENDAR_TIME_ID)) {
            throw new IllegalArgumentException("'" + BusinessCalendar.CALENDAR_TIME_ID + "' is reserved");
        }
    }

    public static Calendars of(List<BusinessCalendar> calendars) {
        Map<String, BusinessCalendar> map = new LinkedHashMap<>();
        calendars.forEach(calendar -> map.put(calendar.id(), calendar));
        return new Calendars(map);
    }

    /** What is wrong with a reference to a calendar {@link #find} does not know; one wording for every section. */
    public String unknownReference() {
        List<String> known = new ArrayList<>(byId.keySet());
        known.add(BusinessCalendar.CALENDAR_TIME_ID);
        return "must name a calendar of the calendars section: one of " + String.join(", ", known);
    }

    public Optional<BusinessCalendar> find(String id) {
        if (BusinessCalendar.CALENDAR_TIME_ID.equals(id)) {
            return Optional.of(BusinessCalendar.CALENDAR_TIME);
        }
        return Optional.ofNullable(byId.get(id));
    }
}
