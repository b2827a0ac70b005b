package io.tierline.core.sla;

import io.tierline.core.ticket.TeamName;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.calendar.CalendarParser;
import io.tierline.core.calendar.Calendars;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import java.time.Instant;
import java.util.List;

/** The worked example of docs/sla-and-calendars.md, parsed the way the policy document will parse it. */
final class SlaFixtures {
    static final String EXAMPLE = """
            {
              "calendars": [
                {"id": "berlin-office", "timeZone": "Europe/Berlin",
                 "weekly": {"monday":    [["09:00", "17:00"]], "tuesday":  [["09:00", "17:00"]],
                            "wednesday": [["09:00", "17:00"]], "thursday": [["09:00", "17:00"]],
                            "friday":    [["09:00", "17:00"]]},
                 "holidays": [{"yearly": "01-01"}, {"yearly": "12-25"}, {"yearly": "12-26"},
                              {"from": "2026-12-28", "to": "2026-12-31"}]},
                {"id": "24x7", "timeZone": "UTC", "alwaysOpen": true}
              ],
              "slaPolicies": [
                {"name": "pro", "when": {"plan": ["pro"]}, "calendar": "berlin-office",
                 "metrics": {
                   "firstResponse":  {"targets": {"urgent": "1h", "high": "2h", "normal": "4h", "low": "8h"}},
                   "nextResponse":   {"targets": {"urgent": "1h", "high": "4h", "normal": "8h", "low": "16h"}},
                   "periodicUpdate": {"targets": {"urgent": {"within": "2h", "calendar": "24x7"}, "high": "8h"}},
                   "resolution":     {"targets": {"urgent": "8h", "high": "24h",
                                                  "normal": {"within": "48h", "calendar": "calendar-time"},
                                                  "low": {"within": "48h", "calendar": "calendar-time"}},
                                      "warnAt": [50, 75], "pausedIn": ["pending", "on-hold"]}}},
                {"name": "basic", "when": {"plan": ["basic"]},
                 "metrics": {"resolution": {"target": "3d"}}}
              ]
            }""";
    static final JsonNode DOCUMENT = Json.parse(EXAMPLE);
    static final Calendars CALENDARS = CalendarParser.parse(DOCUMENT.path("calendars"));
    static final SlaPolicies POLICIES = SlaPolicyParser.parse(DOCUMENT.path("slaPolicies"), CALENDARS);

    private SlaFixtures() {
    }

    static SlaSubject subject(String plan, Priority priority) {
        return new SlaSubject(plan, priority, Channel.EMAIL, null, new TeamName("service-desk"), "cust-1");
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    static List<MetricEvent> eventsOf(SlaEvaluation evaluation, SlaMetric metric) {
        return evaluation.events().stream().filter(e -> e.metric() == metric).toList();
    }

    /** An event as the tests write it: type, instant and percent, the rest left out. */
    record Seen(MetricEventType type, Instant at, int percent) {
        static Seen of(MetricEventType type, String at) {
            return new Seen(type, Instant.parse(at), 0);
        }

        static Seen of(MetricEventType type, String at, int percent) {
            return new Seen(type, Instant.parse(at), percent);
        }
    }

    static List<Seen> seen(SlaEvaluation evaluation, SlaMetric metric) {
        return eventsOf(evaluation, metric).stream().map(e -> new Seen(e.type(), e.at(), e.percent())).toList();
    }
}
