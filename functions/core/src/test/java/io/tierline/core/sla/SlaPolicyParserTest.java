package io.tierline.core.sla;

import static io.tierline.core.sla.SlaFixtures.CALENDARS;
import static io.tierline.core.sla.SlaFixtures.POLICIES;
import static io.tierline.core.sla.SlaFixtures.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.calendar.BusinessCalendar;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.TeamName;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPolicyParserTest {

    static List<FieldError> errorsOf(String json) {
        return assertThrows(InvalidInputException.class,
                () -> SlaPolicyParser.parse(Json.parse(json), CALENDARS)).errors();
    }

    @Test
    void theSeedsExampleIsExpressible() {
        // basic plan: resolved within 3 days; pro plan: within 48 hours (calendar time, every priority)
        SlaPolicies seeds = SlaPolicyParser.parse(Json.parse("""
                [{"name": "basic", "when": {"plan": ["basic"]}, "metrics": {"resolution": {"target": "3d"}}},
                 {"name": "pro", "when": {"plan": ["pro"]}, "metrics": {"resolution": {"target": "48h"}}}]"""),
                CALENDARS);
        SlaPolicy basic = seeds.applicableTo(subject("basic", Priority.LOW)).orElseThrow();
        assertEquals("basic", basic.name());
        MetricPolicy resolution = basic.metrics().get(SlaMetric.RESOLUTION);
        for (Priority priority : Priority.values()) {
            assertEquals(SlaTarget.calendarTime(Duration.ofDays(3)), resolution.targets().get(priority));
        }
        assertEquals(List.of(50, 75), resolution.warnAtPercent());
        assertEquals(EnumSet.of(Status.PENDING), resolution.pausedIn());
        assertEquals(Duration.ofHours(48), seeds.applicableTo(subject("pro", Priority.URGENT)).orElseThrow()
                .metrics().get(SlaMetric.RESOLUTION).targets().get(Priority.URGENT).within());
        assertTrue(seeds.applicableTo(subject("free", Priority.URGENT)).isEmpty(), "no policy, no clock");
    }

    @Test
    void theWorkedExampleResolvesCalendarsFromTargetMetricAndPolicy() {
        SlaPolicy pro = POLICIES.inOrder().get(0);
        BusinessCalendar office = CALENDARS.find("berlin-office").orElseThrow();
        BusinessCalendar always = CALENDARS.find("24x7").orElseThrow();
        MetricPolicy firstResponse = pro.metrics().get(SlaMetric.FIRST_RESPONSE);
        assertEquals(new SlaTarget(Duration.ofHours(4), office), firstResponse.targets().get(Priority.NORMAL));
        assertEquals(Set.of(), firstResponse.pausedIn(), "first response is owed whatever the status");
        MetricPolicy updates = pro.metrics().get(SlaMetric.PERIODIC_UPDATE);
        assertEquals(new SlaTarget(Duration.ofHours(2), always), updates.targets().get(Priority.URGENT));
        assertEquals(new SlaTarget(Duration.ofHours(8), office), updates.targets().get(Priority.HIGH));
        assertEquals(null, updates.targets().get(Priority.NORMAL), "no target: no clock for normal tickets");
        MetricPolicy resolution = pro.metrics().get(SlaMetric.RESOLUTION);
        assertEquals(SlaTarget.calendarTime(Duration.ofHours(48)), resolution.targets().get(Priority.NORMAL));
        assertEquals(EnumSet.of(Status.PENDING, Status.ON_HOLD), resolution.pausedIn());
    }

    @Test
    void theFirstMatchingPolicyApplies() {
        SlaPolicies policies = SlaPolicyParser.parse(Json.parse("""
                [{"name": "vip", "when": {"customerId": ["acme"], "priority": ["urgent", "high"]},
                  "metrics": {"firstResponse": {"target": "15m"}}},
                 {"name": "chat", "when": {"channel": ["chat"], "team": ["service-desk"], "category": ["billing"]},
                  "metrics": {"firstResponse": {"target": "30m"}}},
                 {"name": "everyone", "metrics": {"firstResponse": {"target": "8h"}}}]"""), CALENDARS);
        SlaSubject acmeUrgent = new SlaSubject("pro", Priority.URGENT, Channel.CHAT, "billing",
                new TeamName("service-desk"), "acme");
        assertEquals("vip", policies.applicableTo(acmeUrgent).orElseThrow().name());
        assertEquals("chat", policies.applicableTo(acmeUrgent.withPriority(Priority.LOW)).orElseThrow().name());
        assertEquals("everyone",
                policies.applicableTo(acmeUrgent.withPriority(Priority.LOW).withTeam(new TeamName("billing")))
                .orElseThrow().name());
        assertEquals("everyone", policies.applicableTo(new SlaSubject(null, null, null, null, null, null))
                .orElseThrow().name(), "a condition on an unknown value does not match; no conditions match all");
    }

    @Test
    void everyProblemIsNamedByPolicyAndField() {
        List<FieldError> errors = errorsOf("""
                [{"name": "pro", "when": {"plan": [], "priority": ["asap"], "region": ["eu"]},
                  "calendar": "paris-office",
                  "metrics": {"firstResponse": {"targets": {"urgent": "1 hour", "critical": "1h"}},
                              "resolution": {"target": "3d", "targets": {"low": "4h"}},
                              "nextResponse": {"target": "3d", "calendar": "berlin-office",
                                               "warnAt": [75, 50, 100], "pausedIn": ["open", "waiting"]},
                              "periodicUpdate": {"targets": {"high": {"within": "0m", "calendar": "24x7", "x": 1}}},
                              "escalation": {}}},
                 {"name": "pro", "metrics": {}},
                 {"metrics": {"resolution": {"target": "2d", "calendar": "calendar-time"}}}]""");
        List<FieldError> expected = List.of(
                new FieldError("slaPolicies[pro].when.region", "is not a known field; expected one of category, "
                        + "channel, customerId, plan, priority, team"),
                new FieldError("slaPolicies[pro].when.plan",
                        "must be a non-empty array of accepted values; leave it out to accept any"),
                new FieldError("slaPolicies[pro].when.priority[0]", "must be one of urgent, high, normal, low"),
                new FieldError("slaPolicies[pro].calendar",
                        "must name a calendar of the calendars section: one of berlin-office, 24x7, calendar-time"),
                new FieldError("slaPolicies[pro].metrics.escalation", "is not a known field; expected one of "
                        + "firstResponse, nextResponse, periodicUpdate, resolution"),
                new FieldError("slaPolicies[pro].metrics.firstResponse.targets.critical",
                        "is not a known field; expected one of high, low, normal, urgent"),
                new FieldError("slaPolicies[pro].metrics.firstResponse.targets.urgent",
                        "must be a duration such as 30m, 4h, 1h30m or 3d"),
                new FieldError("slaPolicies[pro].metrics.nextResponse.target", "days are ambiguous in business "
                        + "time (a working day is not 24 hours): give hours, e.g. 24h for three 8-hour working days"),
                new FieldError("slaPolicies[pro].metrics.nextResponse.warnAt[1]",
                        "must be greater than the warning before it"),
                new FieldError("slaPolicies[pro].metrics.nextResponse.warnAt[2]",
                        "must be a whole percentage from 1 to 99 (100 is the breach)"),
                new FieldError("slaPolicies[pro].metrics.nextResponse.pausedIn[0]",
                        "cannot pause a clock: only pending, on-hold can"),
                new FieldError("slaPolicies[pro].metrics.nextResponse.pausedIn[1]", "must be one of pending, on-hold"),
                new FieldError("slaPolicies[pro].metrics.periodicUpdate.targets.high.x",
                        "is not a known field; expected one of calendar, within"),
                new FieldError("slaPolicies[pro].metrics.periodicUpdate.targets.high.within",
                        "must be from 1m to 366d"),
                new FieldError("slaPolicies[pro].metrics.resolution",
                        "must set either target (every priority) or targets (per priority)"),
                new FieldError("slaPolicies[pro].name", "is used by another policy"),
                new FieldError("slaPolicies[pro].metrics", "must set at least one of firstResponse, nextResponse, "
                        + "periodicUpdate, resolution"),
                new FieldError("slaPolicies[2].name", "is required: a name of at most 100 characters"));
        assertEquals(expected, errors);
    }

    @Test
    void theSectionIsOptionalButMustBeAnArray() {
        assertEquals(SlaPolicies.NONE, SlaPolicyParser.parse(Json.parse("{}").path("slaPolicies"), CALENDARS));
        assertEquals(List.of(new FieldError("slaPolicies",
                "must be an array of policies, the first matching a ticket applies")), errorsOf("{}"));
    }

    @Test
    void durationsAreCompactAndDaysAre24Hours() {
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofDays(3), DurationText.parse("3d"));
        assertEquals(Duration.ofHours(50), DurationText.parse("2d2h"));
        for (String bad : List.of("", "h", "1.5h", "90", "1m1h", "-1h", "PT4H")) {
            assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
        }
        assertEquals("1d2h30m", DurationText.format(Duration.ofMinutes(26 * 60 + 30)));
        assertEquals("-15m", DurationText.format(Duration.ofMinutes(-15)));
        assertEquals("0m", DurationText.format(Duration.ZERO));
    }
}
