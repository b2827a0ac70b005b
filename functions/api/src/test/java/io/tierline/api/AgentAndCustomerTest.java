package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Agents, supervisors and customers acting on tickets through the api function, with real access tokens from the
 * local stand-in for the Cognito user pool. Demo users: alice (agent: billing, service-desk), bob (agent:
 * platform-engineering), sam (supervisor: billing, service-desk), ada (admin).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class AgentAndCustomerTest {
    @Inject
    TriageService triage;
    @Inject
    DynamoDbClient dynamo;
    @ConfigProperty(name = "tierline.table")
    String table;
    @Inject
    software.amazon.awssdk.services.sqs.SqsClient sqs;
    @ConfigProperty(name = "tierline.queue.escalation")
    String escalationQueue;

    record Filed(String id, String token) {
    }

    /** A customer files a ticket that triage routes to billing (keyword "invoice"). */
    Filed billingTicket(String email) {
        JsonNode created = LambdaHttp.postJson("/tickets", """
                {"subject":"Wrong invoice","description":"Charged twice in May.",
                 "requester":{"name":"Cleo","email":"%s","customerId":"cust-%s"}}""".formatted(email,
                email.hashCode() & 0xffff), Map.of()).json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        return new Filed(id, created.get("accessToken").asText());
    }

    static JsonNode ok(LambdaHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static List<String> eventTypes(JsonNode ticket) {
        List<String> types = new ArrayList<>();
        ticket.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void theWholeStoryOfATicket() {
        Filed t = billingTicket("story@example.com");
        String path = "/tickets/" + t.id();
        // the customer follows it with the status link
        JsonNode mine = ok(LambdaHttp.get("/customer/tickets/" + t.id() + "?token=" + t.token()));
        assertEquals("open", mine.get("status").asText());

        ok(LambdaHttp.post(path + "/assignment", "alice", "{\"assignee\":\"alice\"}", Map.of()));
        ok(LambdaHttp.post(path + "/replies", "alice", "{\"body\":\"Could you send the invoice number?\"}", Map.of()));
        ok(LambdaHttp.post(path + "/replies", "alice", "{\"body\":\"VIP customer\",\"public\":false}", Map.of()));
        JsonNode pending = ok(LambdaHttp.post(path + "/status", "alice",
                "{\"status\":\"pending\",\"reason\":\"waiting for the invoice number\"}", Map.of()));
        assertEquals("pending", pending.get("status").asText());

        // the customer's reply reopens it; the customer never sees the internal note
        JsonNode replied = ok(LambdaHttp.postJson("/customer/tickets/" + t.id() + "/replies?token=" + t.token(),
                "{\"body\":\"It is INV-2231\"}", Map.of()));
        assertEquals("open", replied.get("status").asText());
        assertFalse(replied.toString().contains("VIP customer"), "internal notes stay internal");
        assertTrue(replied.toString().contains("Could you send the invoice number?"));

        JsonNode solved = ok(LambdaHttp.post(path + "/resolution", "alice",
                "{\"note\":\"Refunded the second charge.\",\"rootCause\":\"payment retry bug\"}", Map.of()));
        assertEquals("solved", solved.get("status").asText());
        assertEquals("payment retry bug", solved.get("rootCause").asText());
        assertEquals(List.of("created", "triaged", "status-changed", "assigned", "replied", "note-added",
                "status-changed", "customer-replied", "status-changed", "resolved"), eventTypes(solved));
        JsonNode who = solved.get("events").get(3);
        assertEquals("agent:alice", who.get("actor").asText());
        assertEquals("assignee", who.at("/changes/0/field").asText());

        JsonNode customerSees = ok(LambdaHttp.get("/customer/tickets/" + t.id() + "?token=" + t.token()));
        assertEquals("Refunded the second charge.", customerSees.get("resolution").asText());
        assertFalse(customerSees.toString().contains("payment retry bug"), "the root cause is internal");
    }

    @Test
    void escalationsByHandAreRecordedAcknowledgedAndToldToTheCustomer() {
        Filed t = billingTicket("escalate@example.com");
        String path = "/tickets/" + t.id();
        LambdaHttp.Reply bad = LambdaHttp.post(path + "/escalations", "alice",
                "{\"kind\":\"sideways\",\"reason\":\"bored\"}", Map.of());
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("\"kind\"") && bad.body().contains("\"reason\""), bad.body());
        assertEquals(0, ok(LambdaHttp.get(path, "alice")).get("escalations").size(), "nothing stored");

        // an agent's functional escalation waits for the supervisor's approval (the bundled policy says so)
        JsonNode pending = ok(LambdaHttp.post(path + "/escalations", "alice", """
                {"kind":"functional","reason":"limited_knowledge","comment":"VAT rules","tier":2}""", Map.of()));
        assertEquals(2, pending.at("/pendingTransfer/tier").asInt());
        assertEquals(0, pending.get("escalations").size());
        JsonNode approved = ok(LambdaHttp.post(path + "/transfer/decision", "sam", "{\"approve\":true}", Map.of()));
        JsonNode record = approved.get("escalations").get(0);
        assertEquals("functional", record.get("kind").asText());
        assertEquals("limited-knowledge", record.get("reason").asText());
        assertEquals("supervisor:sam", record.get("decidedBy").asText(), "the role sam acted in");
        assertEquals("1", record.at("/from/tier").asText());
        assertEquals("2", record.at("/to/tier").asText());
        assertEquals(2, approved.get("tier").asInt());
        assertTrue(approved.get("timeInTier").has("1"), approved.get("timeInTier").toString());

        // hierarchical, then acknowledged by the supervisor it went to
        JsonNode up = ok(LambdaHttp.post(path + "/escalations", "alice", """
                {"kind":"hierarchical","reason":"limited_authority","to":"manager"}""", Map.of()));
        assertEquals("ada", up.get("escalations").get(1).get("person").asText());
        assertTrue(up.get("watchers").toString().contains("ada"));
        JsonNode acknowledged = ok(LambdaHttp.post(path + "/acknowledgement", "sam", "{}", Map.of()));
        assertEquals("sam", acknowledged.at("/escalation/acknowledgedBy").asText());
        LambdaHttp.Reply twice = LambdaHttp.post(path + "/acknowledgement", "sam", "{}", Map.of());
        assertEquals(409, twice.status(), twice.body());

        // the customer sees honest updates in plain words, never the internal record
        JsonNode customer = ok(LambdaHttp.get("/customer/tickets/" + t.id() + "?token=" + t.token()));
        assertTrue(customer.toString().contains("Your request is now with our billing specialists (tier 2)."),
                customer.toString());
        assertFalse(customer.toString().contains("limited-knowledge"), "the reasons stay internal");
    }

    /** The dashboard's default: functional, next tier, with a reason code from the list the API documents. */
    /** An agent's escalation waiting for approval goes when a supervisor escalates the ticket there directly. */
    @Test
    void aWaitingEscalationRequestGoesOnceTheTicketIsWhereItAsked() {
        Filed t = billingTicket("settled@example.com");
        String path = "/tickets/" + t.id();
        JsonNode pending = ok(LambdaHttp.post(path + "/escalations", "alice", """
                {"kind":"functional","reason":"limited-knowledge","tier":2}""", Map.of()));
        assertEquals(2, pending.at("/pendingTransfer/tier").asInt(), "the agent's waits for approval");

        JsonNode direct = ok(LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge","tier":2}""", Map.of()));
        assertEquals(2, direct.get("tier").asInt());
        assertTrue(direct.path("pendingTransfer").isMissingNode() || direct.get("pendingTransfer").isNull(),
                "nothing is left to approve: " + direct);
        JsonNode escalated = null;
        for (JsonNode event : direct.get("events")) {
            escalated = "escalated".equals(event.get("type").asText()) ? event : escalated;
        }
        assertNotNull(escalated, direct.toString());
        assertTrue(escalated.get("changes").toString().contains("\"field\":\"pendingTransfer\""),
                "the move records the request going: " + escalated);
        LambdaHttp.Reply decision = LambdaHttp.post(path + "/transfer/decision", "sam", "{\"approve\":true}",
                Map.of());
        assertEquals(409, decision.status(), decision.body());
        assertEquals(2, ok(LambdaHttp.get(path, "sam")).get("tier").asInt(), "and stored so");
    }

    @Test
    void aFunctionalEscalationGoesToTheNextTierUntilTheTop() {
        Filed t = billingTicket("next-tier@example.com");
        String path = "/tickets/" + t.id();
        assertEquals(1, ok(LambdaHttp.get(path, "alice")).get("tier").asInt());
        JsonNode pending = ok(LambdaHttp.post(path + "/escalations", "alice", """
                {"kind":"functional","reason":"response-time-exceeded","comment":"no answer","tier":"next"}""",
                Map.of()));
        assertEquals(2, pending.at("/pendingTransfer/tier").asInt(), "the agent's waits for approval, to tier 2");
        assertEquals("billing", pending.at("/pendingTransfer/team").asText());
        ok(LambdaHttp.post(path + "/transfer/decision", "sam", "{\"approve\":false,\"reason\":\"not yet\"}",
                Map.of()));

        JsonNode second = ok(LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge","tier":"next"}""", Map.of()));
        assertEquals(2, second.get("tier").asInt());
        assertEquals("billing", second.get("team").asText());
        assertEquals("supervisor:sam", second.get("escalations").get(0).get("decidedBy").asText());
        JsonNode third = ok(LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge"}""", Map.of()));
        assertEquals(3, third.get("tier").asInt(), "no team and no tier: the next tier as well");

        LambdaHttp.Reply top = LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge","tier":"next"}""", Map.of());
        assertEquals(409, top.status(), top.body());
        assertTrue(top.body().contains("top tier"), top.body());
        LambdaHttp.Reply bad = LambdaHttp.post(path + "/escalations", "sam", """
                {"kind":"functional","reason":"limited-knowledge","tier":"up"}""", Map.of());
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("must be a tier from 0 to 3 or \\\"next\\\""), bad.body());
        assertEquals(3, ok(LambdaHttp.get(path, "alice")).get("tier").asInt(), "nothing changed");
    }

    @Test
    void aCustomersEscalationRequestGoesToTheSupervisor() {
        Filed t = billingTicket("asks-up@example.com");
        JsonNode answered = ok(LambdaHttp.postJson("/customer/tickets/" + t.id() + "/escalation-requests?token="
                + t.token(), "{\"reason\":\"Nobody answers\"}", Map.of()));
        assertTrue(answered.toString().contains("We received your request to escalate."), answered.toString());
        JsonNode record = ok(LambdaHttp.get("/tickets/" + t.id(), "sam")).get("escalations").get(0);
        assertEquals("hierarchical", record.get("kind").asText());
        assertTrue(record.get("customerRequested").asBoolean());
        assertEquals("sam", record.get("person").asText());
    }

    @Test
    void aRepeatedEscalationRequestIsRecordedAndAnsweredAsAlreadyWithTheSupervisor() {
        Filed t = billingTicket("asks-again@example.com");
        String path = "/customer/tickets/" + t.id() + "/escalation-requests?token=" + t.token();
        ok(LambdaHttp.postJson(path, "{\"reason\":\"Nobody answers\"}", Map.of()));
        JsonNode again = ok(LambdaHttp.postJson(path, "{\"reason\":\"Still nobody\"}", Map.of()));
        JsonNode conversation = again.get("conversation");
        JsonNode answer = conversation.get(conversation.size() - 1);
        assertEquals("customer-updated", answer.get("type").asText());
        assertTrue(answer.get("body").asText().startsWith("We received your request to escalate. It is already with "
                + "a senior member of our billing team"), answer.toString());

        LambdaHttp.Reply clicked = CustomerPagesTest.browserPost(path, Map.of("reason", ""));
        assertEquals(303, clicked.status(), clicked.body());
        java.net.URI back = java.net.URI.create(clicked.header("location"));
        assertTrue(back.getQuery().endsWith("&done=already-escalated"), back.toString());
        String page = CustomerPagesTest.browserGet(back.getRawPath() + "?" + back.getRawQuery()).body();
        assertTrue(page.contains("It is already with a senior member of our team"), page);

        JsonNode agents = ok(LambdaHttp.get("/tickets/" + t.id(), "sam"));
        assertEquals(1, agents.get("escalations").size(), "sam was alerted once");
        int requests = 0;
        for (JsonNode event : agents.get("events")) {
            requests += event.get("type").asText().equals("escalation-requested") ? 1 : 0;
        }
        assertEquals(3, requests, "all three requests are in the trail");
    }

    @Test
    void anActionSendsAheadWhatFallsDueBeforeTheNextSweep() {
        Filed t = billingTicket("soon@example.com");
        java.time.Instant due = java.time.Instant.parse(ok(LambdaHttp.get("/tickets/" + t.id(), "alice"))
                .at("/sla/nextDeadline/at").asText());
        java.time.Instant before = TestClock.CLOCK.instant();
        try {
            sqs.purgeQueue(b -> b.queueUrl(escalationQueue));
            // a second before it is due: the sweeps that ran before may not have sent it (and the SQS delay,
            // real seconds, stays short enough to wait for)
            TestClock.CLOCK.set(due.minusSeconds(1));
            ok(LambdaHttp.post("/tickets/" + t.id() + "/replies", "alice",
                    "{\"body\":\"checking the ledger\",\"public\":false}", Map.of()));
            List<String> sent = new ArrayList<>();
            sqs.receiveMessage(b -> b.queueUrl(escalationQueue).maxNumberOfMessages(10).waitTimeSeconds(5))
                    .messages().forEach(m -> sent.add(m.body()));
            assertTrue(sent.stream().anyMatch(body -> body.contains("\"DeadlineDue\"") && body.contains(t.id())),
                    "the deadline a second ahead went on the escalation queue: " + sent);
        } finally {
            TestClock.CLOCK.set(before);
        }
    }

    /** A merge is a write like any other: the survivor's deadline a second ahead goes out with it. */
    @Test
    void aMergeSendsAheadWhatTheSurvivorHasDueBeforeTheNextSweep() {
        Filed duplicate = billingTicket("merge-soon@example.com");
        Filed survivor = billingTicket("merge-soon2@example.com");
        java.time.Instant due = java.time.Instant.parse(ok(LambdaHttp.get("/tickets/" + survivor.id(), "alice"))
                .at("/sla/nextDeadline/at").asText());
        java.time.Instant before = TestClock.CLOCK.instant();
        try {
            sqs.purgeQueue(b -> b.queueUrl(escalationQueue));
            TestClock.CLOCK.set(due.minusSeconds(1));
            JsonNode merged = ok(LambdaHttp.post("/tickets/" + duplicate.id() + "/merge", "alice",
                    "{\"into\":\"" + survivor.id() + "\",\"reason\":\"same invoice\"}", Map.of()));
            assertEquals("closed", merged.get("status").asText());
            List<String> sent = new ArrayList<>();
            sqs.receiveMessage(b -> b.queueUrl(escalationQueue).maxNumberOfMessages(10).waitTimeSeconds(5))
                    .messages().forEach(m -> sent.add(m.body()));
            assertTrue(sent.stream().anyMatch(body -> body.contains("\"DeadlineDue\"")
                    && body.contains(survivor.id())), "the survivor's deadline went on the escalation queue: " + sent);
            assertTrue(sent.stream().noneMatch(body -> body.contains(duplicate.id())),
                    "the closed duplicate has nothing due: " + sent);
        } finally {
            TestClock.CLOCK.set(before);
        }
    }

    @Test
    void theTicketShowsItsSlaClocks() {
        Filed t = billingTicket("clocks@example.com");
        JsonNode sla = ok(LambdaHttp.get("/tickets/" + t.id(), "alice")).get("sla");
        assertEquals("standard", sla.get("policy").asText(), "no plan: the catch-all policy");
        JsonNode first = null;
        for (JsonNode clock : sla.get("clocks")) {
            if (clock.get("metric").asText().equals("first-response")) {
                first = clock;
            }
        }
        assertNotNull(first, sla.toString());
        assertEquals("running", first.get("state").asText());
        assertEquals("PT16H", first.get("target").asText(), "low priority (impact low, urgency medium)");
        assertEquals("berlin-office", first.get("calendar").asText());
        assertNotNull(first.get("dueAt"));
        assertFalse(first.get("paused").asBoolean());
        assertNotNull(sla.get("nextDeadline").get("at"));
        assertTrue(sla.get("events").toString().contains("activate"));
    }

    @Test
    void anAgentOfAnotherTeamIsRefusedEverywhere() {
        Filed t = billingTicket("other-team@example.com");
        String path = "/tickets/" + t.id();
        assertEquals(403, LambdaHttp.get(path, "bob").status());
        LambdaHttp.Reply refused = LambdaHttp.post(path + "/assignment", "bob", "{\"assignee\":\"bob\"}", Map.of());
        assertEquals(403, refused.status());
        assertEquals("application/problem+json", refused.header("content-type"));
        assertEquals(403, LambdaHttp.get("/queues/billing", "bob").status());
        assertEquals(200, LambdaHttp.get(path, "ada").status(), "admins see every team");
        assertEquals(200, LambdaHttp.get(path, "sam").status(), "a supervisor of billing");
        assertNull(ok(LambdaHttp.get(path, "alice")).get("assignee"), "nothing changed");
    }

    /** The bundled directory lists billing's people: a ticket is given by hand to one of them, never to a typo. */
    @Test
    void aHandAssignmentOutsideTheTeamsPeopleIsRefusedNamingThem() {
        Filed t = billingTicket("assign-outside@example.com");
        String path = "/tickets/" + t.id();
        String version = LambdaHttp.get(path, "sam").header("etag");
        LambdaHttp.Reply refused = LambdaHttp.post(path + "/assignment", "sam", "{\"assignee\":\"zorro\"}", Map.of());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("assignee", refused.json().at("/errors/0/field").asText());
        assertEquals("is not one of the people of team billing in the policy document's directory: alice, greta, sam",
                refused.json().at("/errors/0/problem").asText());
        assertEquals(version, LambdaHttp.get(path, "sam").header("etag"), "nothing stored");
        assertEquals("greta", ok(LambdaHttp.post(path + "/assignment", "sam", "{\"assignee\":\"greta\"}",
                Map.of())).get("assignee").asText());
    }

    /** A field of the other kind of escalation would be dropped silently: it is refused, naming it. */
    @Test
    void anEscalationNamingAFieldOfTheOtherKindIsRefused() {
        Filed t = billingTicket("escalate-mixed@example.com");
        String path = "/tickets/" + t.id() + "/escalations";
        String version = LambdaHttp.get("/tickets/" + t.id(), "sam").header("etag");
        LambdaHttp.Reply functional = LambdaHttp.post(path, "sam",
                "{\"kind\":\"functional\",\"reason\":\"limited-knowledge\",\"to\":\"manager\"}", Map.of());
        assertEquals(400, functional.status(), functional.body());
        assertEquals("to", functional.json().at("/errors/0/field").asText());
        LambdaHttp.Reply hierarchical = LambdaHttp.post(path, "sam",
                "{\"kind\":\"hierarchical\",\"reason\":\"limited-authority\",\"team\":\"security\"}", Map.of());
        assertEquals(400, hierarchical.status(), hierarchical.body());
        assertEquals("team", hierarchical.json().at("/errors/0/field").asText());
        assertEquals(version, LambdaHttp.get("/tickets/" + t.id(), "sam").header("etag"), "nothing stored");
    }

    @Test
    void withoutAValidTokenAgentsGet401() {
        Filed t = billingTicket("anon@example.com");
        LambdaHttp.Reply anonymous = LambdaHttp.call("GET", "/tickets/" + t.id(), Map.of(), null);
        assertEquals(401, anonymous.status());
        assertEquals("Bearer", anonymous.header("www-authenticate"));
        String forged = LambdaHttp.bearer("alice");
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        assertEquals(401, LambdaHttp.call("GET", "/tickets/" + t.id(), Map.of("authorization", forged), null).status());
    }

    @Test
    void aCustomerTokenOpensOnlyItsOwnTicketAndAWrongOneIs404() {
        Filed mine = billingTicket("token-a@example.com");
        Filed theirs = billingTicket("token-b@example.com");
        assertEquals(404, LambdaHttp.get("/customer/tickets/" + theirs.id() + "?token=" + mine.token()).status());
        assertEquals(404, LambdaHttp.get("/customer/tickets/" + mine.id()).status(), "no token");
        assertEquals(200, LambdaHttp.call("GET", "/customer/tickets/" + mine.id(),
                Map.of("x-ticket-token", mine.token()), null).status(), "the header works too");
        assertEquals(401, LambdaHttp.call("GET", "/tickets/" + mine.id(), Map.of("authorization",
                "Bearer " + mine.token()), null).status(), "a customer token is no agent token");
    }

    @Test
    void illegalStatusMovesAre409WithTheAllowedOnes() {
        Filed t = billingTicket("illegal@example.com");
        String path = "/tickets/" + t.id();
        LambdaHttp.Reply refused = LambdaHttp.post(path + "/status", "alice", "{\"status\":\"closed\"}", Map.of());
        assertEquals(409, refused.status());
        assertEquals(List.of("on-hold", "pending", "solved"),
                List.of(refused.json().get("allowedStatuses").get(0).asText(),
                        refused.json().get("allowedStatuses").get(1).asText(),
                        refused.json().get("allowedStatuses").get(2).asText()));
        assertEquals(400, LambdaHttp.post(path + "/status", "alice", "{\"status\":\"sleeping\"}", Map.of()).status());
        assertEquals(400, LambdaHttp.post(path + "/levels", "alice", "{\"priority\":\"urgent\"}", Map.of()).status(),
                "a reason is mandatory");
        assertEquals(409, LambdaHttp.post(path + "/reopen", "alice", "{\"reason\":\"x\"}", Map.of()).status(),
                "only a solved ticket reopens");
    }

    @Test
    void levelsChangeWithAReasonAndTheMatrixDecidesUnlessPriorityIsGiven() {
        Filed t = billingTicket("levels@example.com");
        JsonNode raised = ok(LambdaHttp.post("/tickets/" + t.id() + "/levels", "alice",
                "{\"impact\":\"high\",\"urgency\":\"high\",\"reason\":\"all invoices fail\"}", Map.of()));
        assertEquals("urgent", raised.get("priority").asText());
        JsonNode overridden = ok(LambdaHttp.post("/tickets/" + t.id() + "/levels", "alice",
                "{\"priority\":\"normal\",\"reason\":\"workaround given\"}", Map.of()));
        assertEquals("normal", overridden.get("priority").asText());
        assertEquals("workaround given", overridden.get("events").get(4).get("reason").asText());
    }

    @Test
    void anAgentsTransferWaitsForTheSupervisor() {
        Filed t = billingTicket("transfer@example.com");
        String path = "/tickets/" + t.id();
        JsonNode waiting = ok(LambdaHttp.post(path + "/transfer", "alice",
                "{\"team\":\"platform-engineering\",\"tier\":2,\"reason\":\"needs database access\"}", Map.of()));
        assertEquals("billing", waiting.get("team").asText());
        assertEquals("platform-engineering", waiting.at("/pendingTransfer/team").asText());
        assertEquals(403, LambdaHttp.post(path + "/transfer/decision", "alice", "{\"approve\":true}", Map.of())
                .status(), "an agent cannot approve");
        JsonNode approved = ok(LambdaHttp.post(path + "/transfer/decision", "sam", "{\"approve\":true}", Map.of()));
        assertEquals("platform-engineering", approved.get("team").asText());
        assertEquals(2, approved.get("tier").asInt());
        assertTrue(approved.get("pendingTransfer") == null || approved.get("pendingTransfer").isNull());
        assertEquals(403, LambdaHttp.get(path, "alice").status(), "billing no longer owns it");
        assertEquals(200, LambdaHttp.get(path, "bob").status());

        Filed direct = billingTicket("transfer2@example.com");
        JsonNode moved = ok(LambdaHttp.post("/tickets/" + direct.id() + "/transfer", "sam",
                "{\"tier\":2,\"reason\":\"expert needed\"}", Map.of()));
        assertEquals(2, moved.get("tier").asInt(), "a supervisor transfers directly");
    }

    @Test
    void twoConcurrentUpdatesGiveOneConflictWithTheCurrentVersion() throws Exception {
        Filed t = billingTicket("race@example.com");
        String path = "/tickets/" + t.id();
        LambdaHttp.Reply read = LambdaHttp.get(path, "alice");
        String etag = read.header("etag");
        assertEquals("\"" + read.json().get("version").asLong() + "\"", etag);
        var first = CompletableFuture.supplyAsync(() -> LambdaHttp.post(path + "/assignment", "alice",
                "{\"assignee\":\"alice\"}", Map.of("if-match", etag)));
        var second = CompletableFuture.supplyAsync(() -> LambdaHttp.post(path + "/status", "sam",
                "{\"status\":\"on-hold\",\"reason\":\"vendor\"}", Map.of("if-match", etag)));
        List<Integer> statuses = List.of(first.get().status(), second.get().status()).stream().sorted().toList();
        assertEquals(List.of(200, 409), statuses);
        LambdaHttp.Reply loser = first.get().status() == 409 ? first.get() : second.get();
        assertEquals(read.json().get("version").asLong() + 1, loser.json().get("currentVersion").asLong());
        assertEquals(read.json().get("version").asLong() + 1, ok(LambdaHttp.get(path, "alice")).get("version").asLong());
    }

    @Test
    void aRetriedActionWithTheSameIdempotencyKeyActsOnce() {
        Filed t = billingTicket("retry@example.com");
        String path = "/tickets/" + t.id();
        Map<String, String> key = Map.of("idempotency-key", "reply-1");
        ok(LambdaHttp.post(path + "/replies", "alice", "{\"body\":\"On it\"}", key));
        JsonNode again = ok(LambdaHttp.post(path + "/replies", "alice", "{\"body\":\"On it\"}", key));
        assertEquals(1, eventTypes(again).stream().filter("replied"::equals).count());
        assertEquals(409, LambdaHttp.post(path + "/replies", "alice", "{\"body\":\"Other\"}", key).status());
    }

    @Test
    void mergeClosesTheDuplicateWhichThenNeverChangesAgain() {
        Filed duplicate = billingTicket("dup@example.com");
        Filed survivor = billingTicket("dup2@example.com");
        JsonNode merged = ok(LambdaHttp.post("/tickets/" + duplicate.id() + "/merge", "alice",
                "{\"into\":\"" + survivor.id() + "\",\"reason\":\"same customer, same invoice\"}", Map.of()));
        assertEquals("closed", merged.get("status").asText());
        assertEquals(survivor.id(), merged.get("mergedInto").asText());
        assertTrue(eventTypes(ok(LambdaHttp.get("/tickets/" + survivor.id(), "alice"))).contains("duplicate-merged"));
        assertEquals(409, LambdaHttp.post("/tickets/" + duplicate.id() + "/replies", "alice", "{\"body\":\"x\"}",
                Map.of()).status());
        assertEquals(survivor.id(), ok(LambdaHttp.get("/customer/tickets/" + duplicate.id() + "?token="
                + duplicate.token())).get("mergedInto").asText());
    }

    @Test
    void theCustomerCanRequestEscalation() {
        Filed t = billingTicket("escalate@example.com");
        JsonNode view = ok(LambdaHttp.postJson("/customer/tickets/" + t.id() + "/escalation-requests?token="
                + t.token(), "{\"reason\":\"No answer for two days\"}", Map.of()));
        assertTrue(view.toString().contains("escalation-requested"));
        assertEquals(400, LambdaHttp.postJson("/customer/tickets/" + t.id() + "/escalation-requests?token="
                + t.token(), "{}", Map.of()).status(), "a reason is required");
        assertTrue(eventTypes(ok(LambdaHttp.get("/tickets/" + t.id(), "alice"))).contains("escalation-requested"));
    }

    @Test
    void queuesArePagedAndFilteredAndHistoryCountsTickets() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(billingTicket("queue" + i + "@example.com").id());
        }
        ok(LambdaHttp.post("/tickets/" + ids.get(0) + "/assignment", "alice", "{\"assignee\":\"alice\"}", Map.of()));
        JsonNode mineOnly = ok(LambdaHttp.get("/queues/billing?assignee=alice&limit=100", "alice"));
        assertTrue(mineOnly.get("items").size() >= 1);
        mineOnly.get("items").forEach(i -> assertEquals("alice", i.get("assignee").asText()));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(LambdaHttp.get("/queues/billing?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    "alice"));
            assertTrue(page.get("items").size() <= 2);
            page.get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertTrue(seen.containsAll(ids));
        assertEquals(seen.size(), seen.stream().distinct().count(), "no ticket twice across pages");
        assertEquals(400, LambdaHttp.get("/queues/billing?limit=0", "alice").status());
        assertEquals(400, LambdaHttp.get("/queues/billing?cursor=bogus", "alice").status());
        assertEquals(400, LambdaHttp.get("/queues/billing?due=soonish", "alice").status());
        assertEquals(0, ok(LambdaHttp.get("/queues/billing?due=breached", "alice")).get("items").size());

        String historic = billingTicket("history@example.com").id();
        JsonNode history = ok(LambdaHttp.get("/customers/email:history@example.com/tickets", "bob"));
        assertEquals(1, history.get("items").size(), "by email too, though the ticket names a customer id");
        String byCustomerId = "/customers/id:cust-" + ("history@example.com".hashCode() & 0xffff) + "/tickets";
        JsonNode byId = ok(LambdaHttp.get(byCustomerId, "bob"));
        assertEquals(1, byId.get("items").size());
        assertEquals(0, byId.get("escalatedInPage").asInt());

        ok(LambdaHttp.post("/tickets/" + historic + "/assignment", "alice", "{\"assignee\":\"alice\"}", Map.of()));
        ok(LambdaHttp.post("/tickets/" + historic + "/escalations", "alice",
                "{\"kind\":\"hierarchical\",\"reason\":\"limited-authority\",\"to\":\"supervisor\"}",
                Map.of()));
        assertEquals(1, ok(LambdaHttp.get(byCustomerId, "bob")).get("escalatedInPage").asInt(),
                "escalated to a supervisor in its tier: escalated as the reviews count it, not only by reaching tier 2");
    }

    @Test
    void theApiContractIsServed() {
        LambdaHttp.Reply openapi = LambdaHttp.call("GET", "/openapi", Map.of("accept", "application/json"), null);
        assertEquals(200, openapi.status());
        JsonNode doc = openapi.json();
        assertNotNull(doc.at("/paths/~1tickets~1{id}~1transfer").get("post"));
        assertNotNull(doc.at("/paths/~1customer~1tickets~1{id}~1replies").get("post"));
    }

    @Test
    void aTriagedTicketShowsItsLanguageFrustrationAndRisk() {
        JsonNode ticket = ok(LambdaHttp.get("/tickets/" + billingTicket("signals@example.com").id(), "sam"));
        assertEquals("en", ticket.get("language").asText(), ticket.toString());
        assertTrue(ticket.get("tags").toString().contains("lang-en"), ticket.toString());
        assertTrue(ticket.get("frustration").isNumber() && ticket.get("escalationRisk").isNumber(), ticket.toString());
    }

    @Test
    void aDryRunShowsSupervisorsWhatTriageWouldDoAndStoresNothing() {
        String request = """
                {"subject":"Notre boutique est down","description":"Bonjour, depuis ce matin le site ne répond \
                plus et nous perdons des commandes. C'est inacceptable !!",
                 "requester":{"name":"Luc","email":"luc@example.com"},"impact":"high","urgency":"high"}""";
        int items = itemCount();
        LambdaHttp.Reply refused = LambdaHttp.post("/triage/dry-run", "alice", request, Map.of());
        assertEquals(403, refused.status(), "an agent may not: " + refused.body());
        assertEquals(401, LambdaHttp.postJson("/triage/dry-run", request, Map.of()).status());
        assertEquals(200, LambdaHttp.post("/triage/dry-run", "ada", request, Map.of()).status());
        JsonNode answer = ok(LambdaHttp.post("/triage/dry-run", "sam", request, Map.of()));
        assertEquals("fr", answer.at("/language/code").asText(), answer.toString());
        assertEquals("outage", answer.at("/rules/0/name").asText());
        assertEquals(2, answer.at("/rules/0/then/tier").asInt());
        assertEquals("platform-engineering", answer.at("/decision/team").asText());
        assertEquals(2, answer.at("/decision/tier").asInt());
        assertEquals("urgent", answer.at("/decision/priority").asText());
        assertTrue(answer.at("/decision/reason").asText().endsWith("rule 'outage'"), answer.toString());
        assertTrue(answer.at("/decision/addTags").toString().contains("lang-fr"));
        assertEquals(0.6, answer.at("/classifier/minConfidence").asDouble());
        assertTrue(answer.at("/classifier/top/0/confidence").isNumber(), answer.toString());
        answer.at("/classifier/top").forEach(p -> assertTrue(p.get("label").asText().matches("[a-z]+(-[a-z]+)+"),
                "the bundled categories are names, not the data set's codes: " + p));
        assertTrue(answer.at("/classifier/used").isBoolean());
        assertTrue(answer.at("/frustration/score").asDouble() > 0, answer.toString());
        assertTrue(answer.at("/escalationRisk/score").isNumber());
        assertEquals(items, itemCount(), "a dry run stores nothing");
        assertEquals(400, LambdaHttp.post("/triage/dry-run", "sam", "{\"subject\":\"\"}", Map.of()).status(),
                "the ticket is validated as for POST /tickets");
    }

    int itemCount() {
        return dynamo.scan(b -> b.tableName(table).select("COUNT")).count();
    }
}
