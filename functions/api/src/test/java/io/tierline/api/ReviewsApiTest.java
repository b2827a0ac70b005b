package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation reviews over the API on DynamoDB Local: the counters written with each ticket's transaction, read
 * back as JSON and CSV, with the role checks. Runs on a day of its own (August 2027) so other tests do not count.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class ReviewsApiTest {
    static final Instant DAY = Instant.parse("2027-08-02T09:00:00Z");
    static final String PERIOD = "from=2027-08-02&to=2027-08-02";
    static final Instant START = TestClock.CLOCK.instant();

    @Inject
    TriageService triage;

    @AfterEach
    void restoreClock() {
        TestClock.CLOCK.set(START);
    }

    String billingTicket(String email) {
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice.",
                 "requester":{"name":"Rita","email":"%s"}}""".formatted(email), Map.of());
        assertEquals(201, reply.status(), reply.body());
        String id = reply.json().get("id").asText();
        triage.triage(new TicketId(id));
        return id;
    }

    String handledByAlice(String email, boolean escalate, String rootCause) {
        String id = billingTicket(email);
        TestClock.CLOCK.advance(Duration.ofMinutes(10));
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + id + "/assignment", "alice",
                "{\"assignee\":\"alice\"}", Map.of()));
        if (escalate) {
            AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + id + "/escalations", "alice",
                    "{\"kind\":\"hierarchical\",\"reason\":\"limited-authority\",\"to\":\"supervisor\"}", Map.of()));
        }
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + id + "/resolution", "alice",
                "{\"note\":\"Refunded.\",\"rootCause\":\"" + rootCause + "\"}", Map.of()));
        return id;
    }

    /**
     * A rating replaced the next day counts once, through the day counters in DynamoDB Local: the first day's item
     * takes the replaced rating back (a negative ADD), the second day's holds the new one.
     */
    @Test
    void aRatingReplacedTheNextDayCountsOnceInTheDayCounters() {
        TestClock.CLOCK.set(Instant.parse("2027-08-20T09:00:00Z"));
        JsonNode filed = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice.",
                 "requester":{"name":"Rita","email":"rated-twice@example.com"}}""", Map.of()).json();
        String id = filed.get("id").asText();
        String rate = "/customer/tickets/" + id + "/satisfaction?token=" + filed.get("accessToken").asText();
        triage.triage(new TicketId(id));
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + id + "/assignment", "alice",
                "{\"assignee\":\"alice\"}", Map.of()));
        AgentAndCustomerTest.ok(LambdaHttp.post("/tickets/" + id + "/resolution", "alice",
                "{\"note\":\"Refunded.\"}", Map.of()));
        AgentAndCustomerTest.ok(LambdaHttp.postJson(rate, "{\"rating\":2}", Map.of()));
        TestClock.CLOCK.advance(Duration.ofDays(1));
        AgentAndCustomerTest.ok(LambdaHttp.postJson(rate, "{\"rating\":5}", Map.of()));

        JsonNode both = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews?from=2027-08-20&to=2027-08-21",
                "sam"));
        assertEquals(5.0, both.get("agents").get(0).get("satisfaction").asDouble(), both.toString());
        JsonNode first = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews?from=2027-08-20&to=2027-08-20",
                "sam"));
        assertTrue(first.get("agents").get(0).get("satisfaction").isNull(), "the 2 left its day: " + first);
    }

    @Test
    void aSupervisorSeesTheCountsAsJsonAndCsvAnAgentOnlyTheirOwnNobodyElseAnything() {
        TestClock.CLOCK.set(DAY);
        String defect = handledByAlice("rv1@example.com", true, "product-defect");
        handledByAlice("rv1@example.com", false, "Billing-Error");
        String moon = handledByAlice("rv2@example.com", false, "the moon was full");

        JsonNode all = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews?" + PERIOD, "sam"));
        assertEquals(1, all.get("agents").size(), all.toString());
        JsonNode alice = all.get("agents").get(0);
        assertEquals("alice", alice.get("agent").asText());
        assertEquals(3, alice.get("handled").asInt());
        assertEquals(3, alice.get("solved").asInt());
        assertEquals(1, alice.get("escalated").asInt());
        assertEquals(1, alice.get("byKind").get("hierarchical").asInt());
        assertEquals(0.3333, alice.get("escalationRate").asDouble());
        assertEquals(List.of("from", "to", "team", "agents", "customers", "categories", "teams", "rootCauses",
                "satisfaction"), keys(all), "the reviews' parts are flat in the JSON");
        JsonNode top = all.get("customers").get(0);
        assertEquals(List.of("customer", "tickets", "escalated", "escalationRate", "customerRequested", "breaches",
                "satisfaction", "shareAboveAverage", "topCategories"), keys(top), "a customer's row is flat");
        assertEquals("email:rv1@example.com", top.get("customer").asText());
        assertEquals(2, top.get("tickets").asInt());
        assertEquals(0.5, top.get("shareAboveAverage").asDouble(), "1/2 against the average 1/3");
        assertEquals("billing-error", all.get("rootCauses").get(0).get("cause").asText());
        assertEquals(3, all.get("teams").get(0).get("volume").asInt());
        JsonNode time = all.get("teams").get(0).get("timeSpent");
        assertEquals("{\"stays\":3,\"medianMinutes\":10,\"p90Minutes\":10}", time.get("inTeam").toString(),
                "each ticket stayed 10 minutes in billing's tier 1 before alice solved it");
        assertEquals(time.get("inTeam"), time.get("inTier").get("1"));

        LambdaHttp.Reply teams = LambdaHttp.call("GET", "/reports/reviews/teams?format=csv&" + PERIOD,
                Map.of("accept", "text/csv", "authorization", LambdaHttp.bearer("sam")), null);
        String[] lines = teams.body().split("\r\n");
        assertTrue(lines[0].endsWith(",timeSpent.inTier,timeSpent.inTeam.stays,timeSpent.inTeam.medianMinutes,"
                + "timeSpent.inTeam.p90Minutes"), lines[0]);
        assertTrue(lines[1].endsWith(",\"1=stays 3, medianMinutes 10, p90Minutes 10\",3,10,10"), lines[1]);

        LambdaHttp.Reply customers = LambdaHttp.call("GET", "/reports/reviews/customers?format=csv&" + PERIOD,
                Map.of("accept", "text/csv", "authorization", LambdaHttp.bearer("sam")), null);
        assertEquals("customer,tickets,escalated,escalationRate,customerRequested,breaches,satisfaction,"
                + "shareAboveAverage,topCategories", customers.body().split("\r\n")[0]);

        LambdaHttp.Reply csv = LambdaHttp.call("GET", "/reports/reviews/root-causes?format=csv&" + PERIOD,
                Map.of("accept", "text/csv", "authorization", LambdaHttp.bearer("sam")), null);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("content-type").startsWith("text/csv"), csv.header("content-type"));
        assertEquals("cause,total,byCategory,byProductArea,byMonth\r\n"
                + "billing-error,1,billing=1,,2027-08=1\r\n"
                + "other,1,billing=1,,2027-08=1\r\n"
                + "product-defect,1,billing=1,,2027-08=1\r\n", csv.body());

        JsonNode own = AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews?" + PERIOD, "alice"));
        assertEquals(1, own.get("agents").size());
        assertEquals(0, own.get("customers").size(), "an agent sees their own figures only");
        assertEquals(401, LambdaHttp.get("/reports/reviews?" + PERIOD).status(), "a customer has no staff token");
        LambdaHttp.Reply bad = LambdaHttp.get("/reports/reviews?from=2026-01-01&to=2027-08-02", "sam");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("from"), bad.body());
    
        // one click away: the tickets behind a root cause, from RootCauseIndex
        JsonNode defects = AgentAndCustomerTest.ok(LambdaHttp.get(
                "/reports/reviews/root-causes/product-defect/tickets?" + PERIOD, "sam"));
        assertEquals(1, defects.get("tickets").size(), defects.toString());
        JsonNode behind = defects.get("tickets").get(0);
        assertEquals(defect, behind.get("id").asText());
        assertEquals("Wrong invoice", behind.get("subject").asText());
        assertEquals("billing", behind.get("team").asText());
        assertTrue(behind.get("escalated").asBoolean(), "escalated to the supervisor: hierarchical counts too");
        assertEquals(defect, AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews/root-causes/product-defect/"
                + "tickets?escalated=true&" + PERIOD, "sam")).get("tickets").get(0).get("id").asText());
        assertEquals(0, AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews/root-causes/billing-error/"
                + "tickets?escalated=true&" + PERIOD, "sam")).get("tickets").size(), "never escalated");
        assertEquals(false, defects.get("more").asBoolean());
        JsonNode other = AgentAndCustomerTest.ok(LambdaHttp.get(
                "/reports/reviews/root-causes/other/tickets?" + PERIOD + "&team=billing", "sam"));
        assertEquals(moon, other.get("tickets").get(0).get("id").asText(), other.toString());
        assertEquals("[\"the moon was full\"]", other.get("written").toString());
        assertEquals(0, AgentAndCustomerTest.ok(LambdaHttp.get("/reports/reviews/root-causes/other/tickets?" + PERIOD
                + "&team=identity", "sam")).get("tickets").size(), "another team's");
        LambdaHttp.Reply csvTickets = LambdaHttp.call("GET", "/reports/reviews/root-causes/other/tickets?format=csv&"
                + PERIOD, Map.of("accept", "text/csv", "authorization", LambdaHttp.bearer("sam")), null);
        assertTrue(csvTickets.body().startsWith("id,subject,team,tier,category,rootCause,resolvedAt,escalated\r\n"
                + moon + ",Wrong invoice,billing,1,"), csvTickets.body());
        assertEquals(403, LambdaHttp.get("/reports/reviews/root-causes/other/tickets?" + PERIOD, "alice").status(),
                "an agent sees their own figures, not the team's tickets");
        LambdaHttp.Reply unknown = LambdaHttp.get("/reports/reviews/root-causes/astrology/tickets?" + PERIOD, "sam");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"cause\""), unknown.body());
        LambdaHttp.Reply badLimit = LambdaHttp.get("/reports/reviews/root-causes/other/tickets?limit=0", "sam");
        assertEquals(400, badLimit.status(), badLimit.body());
        assertTrue(badLimit.body().contains("\"field\":\"limit\""), badLimit.body());
    }

    private static List<String> keys(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
