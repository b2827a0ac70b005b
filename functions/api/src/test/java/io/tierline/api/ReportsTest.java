package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.EscalationState;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor reports: day counters written with the tickets, read back per day, and the queues' load. Runs on
 * days of its own (May 2027) so other tests' tickets do not touch its counters; load is compared before and after.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class ReportsTest {
    static final Instant DAY_ONE = Instant.parse("2027-05-10T09:00:00Z");
    static final Instant START = TestClock.CLOCK.instant();

    @Inject
    TriageService triage;
    @Inject
    TicketStore store;
    @Inject
    io.tierline.core.escalation.EscalationEngine engine;

    @AfterEach
    void restoreClock() {
        TestClock.CLOCK.set(START);
    }

    String billingTicket(String email) {
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice.",
                 "requester":{"name":"Rita","email":"%s"}}""".formatted(email), Map.of());
        assertEquals(201, reply.status(), reply.body());
        JsonNode created = reply.json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        return id + " " + created.get("accessToken").asText();
    }

    /** What the SLA worker does when a breach falls due: records it (and, for now, moves the ticket a tier up). */
    /** The resolution target breaches, and the escalation engine acts on it as the escalate worker would. */
    void breach(String id) {
        var history = store.history(new TicketId(id)).orElseThrow();
        Instant now = TestClock.CLOCK.instant();
        var fired = history.ticket().recordSlaDeadline(
                new io.tierline.core.ticket.DeadlineKey(io.tierline.core.ticket.SlaMetric.RESOLUTION, 1, 100), "resolution target missed", true,
                now, Actor.system("sla"), now);
        store.apply(engine.onSlaDeadline(fired, history.events(),
                new io.tierline.core.ticket.Deadline(io.tierline.core.ticket.SlaMetric.RESOLUTION, 1, 100, now), now));
    }

    /** Where the escalation engine (issue 6) would have taken the ticket: level 2 of its policy. */
    void atEscalationLevel(String id, int level) {
        Ticket t = store.find(new TicketId(id)).orElseThrow();
        Instant now = TestClock.CLOCK.instant();
        Ticket after = new Ticket(t.id(), t.request(), t.classification(), t.work(),
                new Ticket.Clocks(t.nextDeadline(), t.targetDueAt(),
                        EscalationState.fresh("default", level, 1, now, 0, null)),
                t.createdAt(), now, t.version() + 1);
        store.apply(new TicketChange(t, after, List.of()));
    }

    static JsonNode team(JsonNode load, String team) {
        for (JsonNode t : load.get("teams")) {
            if (t.get("team").asText().equals(team)) {
                return t;
            }
        }
        throw new AssertionError("no team " + team + " in " + load);
    }

    @Test
    void dailyCountsAndComplianceFollowTheDaysActions() {
        TestClock.CLOCK.set(DAY_ONE);
        JsonNode before = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/load", "sam"));

        String[] t1 = billingTicket("r1@example.com").split(" ");
        String[] t2 = billingTicket("r2@example.com").split(" ");
        String[] t3 = billingTicket("r3@example.com").split(" ");
        TestClock.CLOCK.advance(Duration.ofHours(1));
        // solved within its SLA; the retried request (same key) acts and counts once
        for (int i = 0; i < 2; i++) {
            AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + t1[0] + "/resolution", "alice",
                    "{\"note\":\"Refunded.\"}", Map.of("Idempotency-Key", "report-resolve-1")));
        }
        // breached, then solved: counts against compliance
        breach(t2[0]);
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + t2[0] + "/resolution", "alice",
                "{\"note\":\"Refunded late.\"}", Map.of()));
        // the customer asks for escalation; the engine has it at level 2
        AgentAndCustomerTest.ok(LambdaHttp.postJson("/customer/tickets/" + t3[0] + "/escalation-requests?token="
                + t3[1], "{\"reason\":\"Nobody answers\"}", Map.of()));
        atEscalationLevel(t3[0], 2);

        TestClock.CLOCK.set(DAY_ONE.plus(Duration.ofDays(1)));
        String[] t4 = billingTicket("r4@example.com").split(" ");
        breach(t4[0]);
        // a status move into solved is a solve too
        String[] t5 = billingTicket("r5@example.com").split(" ");
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + t5[0] + "/status", "alice",
                "{\"status\":\"solved\",\"reason\":\"answered by phone\"}", Map.of()));

        JsonNode daily = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/daily?days=3", "sam"));
        assertEquals("2027-05-09", daily.get("from").asText());
        assertEquals("2027-05-11", daily.get("to").asText());
        JsonNode quiet = daily.get("days").get(0);
        JsonNode one = daily.get("days").get(1);
        JsonNode two = daily.get("days").get(2);
        assertEquals(0, quiet.get("created").asLong());
        assertTrue(quiet.get("compliance").isNull(), "nothing solved: no compliance figure");

        assertEquals("2027-05-10", one.get("day").asText());
        assertEquals(3, one.get("created").asLong());
        assertEquals(2, one.get("escalated").asLong(), "the breach's level moved t2 a tier up; t3's request went "
                + "to the supervisor");
        assertEquals(1, one.get("escalationRequests").asLong());
        assertEquals(1, one.get("slaBreaches").asLong());
        assertEquals(2, one.get("solved").asLong(), "the replayed resolution is not counted twice");
        assertEquals(1, one.get("solvedWithinSla").asLong());
        assertEquals(1, one.get("solvedAfterBreach").asLong());
        assertEquals(0.5, one.get("compliance").asDouble());

        assertEquals(2, two.get("created").asLong());
        assertEquals(1, two.get("slaBreaches").asLong());
        assertEquals(1, two.get("escalated").asLong());
        assertEquals(1, two.get("solved").asLong());
        assertEquals(1.0, two.get("compliance").asDouble());
        assertEquals(3, daily.get("escalated").asLong());
        assertEquals(3, daily.get("solved").asLong());
        assertEquals(0.6667, daily.get("compliance").asDouble(), "2 of 3 solves within SLA");

        // a solve of a ticket breached earlier still counts as after a breach: the marker is kept with the ticket
        TestClock.CLOCK.advance(Duration.ofHours(2));
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + t4[0] + "/resolution", "sam",
                "{\"note\":\"Done.\"}", Map.of()));
        JsonNode today = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/daily?days=1", "ada")).get("days").get(0);
        assertEquals(1, today.get("solvedAfterBreach").asLong());
        assertEquals(2, today.get("solved").asLong());
        assertEquals(0.5, today.get("compliance").asDouble());

        JsonNode after = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/load", "sam"));
        JsonNode billingBefore = team(before, "billing");
        JsonNode billingAfter = team(after, "billing");
        assertEquals(billingBefore.get("total").asLong() + 1, billingAfter.get("total").asLong(),
                "t3 still open; t1, t2, t4 and t5 solved");
        assertEquals(billingBefore.get("escalated").asLong() + 1, billingAfter.get("escalated").asLong());
        List<String> atLevelTwo = new ArrayList<>();
        for (JsonNode level : after.get("escalationLevels")) {
            if (level.get("level").asInt() == 2) {
                level.get("listed").forEach(t -> atLevelTwo.add(t.get("id").asText()));
            }
        }
        assertTrue(atLevelTwo.contains(t3[0]), after.toString());
        List<String> teams = new ArrayList<>();
        after.get("teams").forEach(t -> teams.add(t.get("team").asText()));
        assertEquals(List.of("billing", "service-desk"), teams, "a supervisor sees the load of own teams");
    }

    @Test
    void anAdminSeesEveryTeamThePolicyRoutesTo() {
        JsonNode load = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/load", "ada"));
        List<String> teams = new ArrayList<>();
        load.get("teams").forEach(t -> teams.add(t.get("team").asText()));
        assertEquals(List.of("billing", "identity", "platform-engineering", "security", "service-desk"), teams);
    }

    /** The bundled directory puts its people in the demo users' teams: a new install's people view is not empty. */
    @Test
    void withTheBundledPolicyASupervisorSeesTheTeamsPeopleAssignedByHand() {
        JsonNode billing = AgentAndCustomerTest.ok(LambdaHttp.get("/teams/billing/people", "sam"));
        assertEquals("manual", billing.get("mode").asText());
        List<String> people = new ArrayList<>();
        billing.get("people").forEach(p -> people.add(p.get("id").asText()));
        assertEquals(List.of("alice", "greta", "sam"), people.stream().sorted().toList(), billing.toString());
        JsonNode platform = AgentAndCustomerTest.ok(LambdaHttp.get("/teams/platform-engineering/people", "petra"));
        assertEquals("bob", platform.at("/people/0/id").asText(), platform.toString());
        assertEquals(403, LambdaHttp.get("/teams/platform-engineering/people", "sam").status(), "not sam's team");
    }

    @Test
    void reportsAreForSupervisorsAndAdminsOnly() {
        for (String path : List.of("/reports/daily?days=14", "/reports/load")) {
            LambdaHttp.Reply agent = LambdaHttp.get(path, "alice");
            assertEquals(403, agent.status(), agent.body());
            assertEquals(Problem.MEDIA_TYPE, agent.header("content-type"));
            assertEquals(401, LambdaHttp.get(path).status());
        }
        for (String days : List.of("0", "91", "abc")) {
            LambdaHttp.Reply bad = LambdaHttp.get("/reports/daily?days=" + days, "sam");
            assertEquals(400, bad.status(), days);
            assertEquals("days", bad.json().at("/errors/0/field").asText());
        }
        assertEquals(14, AgentAndCustomerTest.ok(LambdaHttp.get("/reports/daily", "petra")).get("days").size());
    }
}
