package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.local.testing.LocalAwsTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's files, its sign-in configuration and who-am-I, as API Gateway would deliver them. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class DashboardTest {
    @Inject
    TriageService triage;

    static LambdaHttp.Reply page(String path) {
        return LambdaHttp.call("GET", path, Map.of("accept", "*/*"), null);
    }

    static String identityOrigin() {
        URI identity = LocalAwsTestResource.localAws().identity().endpoint();
        return identity.getScheme() + "://" + identity.getHost() + ":" + identity.getPort();
    }

    static void assertDashboardHeaders(LambdaHttp.Reply reply) {
        String csp = reply.header("content-security-policy");
        assertTrue(csp.startsWith("default-src 'self'; script-src 'self'; style-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("connect-src 'self' " + identityOrigin() + ";"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", reply.header("x-content-type-options"));
        assertEquals("DENY", reply.header("x-frame-options"));
        assertEquals("no-referrer", reply.header("referrer-policy"));
        assertEquals("no-store", reply.header("cache-control"));
    }

    @Test
    void everyFileIsServedWithItsTypeAndTheDashboardsPolicy() {
        for (var asset : DashboardResource.ASSETS.entrySet()) {
            LambdaHttp.Reply reply = page("/dashboard/" + asset.getKey());
            assertEquals(200, reply.status(), asset.getKey());
            assertEquals(asset.getValue().replace(" ", ""), reply.header("content-type").replace(" ", ""),
                    asset.getKey());
            assertDashboardHeaders(reply);
            assertFalse(reply.body().isBlank(), asset.getKey());
        }
        LambdaHttp.Reply index = page("/dashboard");
        assertEquals(200, index.status());
        assertTrue(index.header("content-type").startsWith("text/html"));
        assertTrue(index.body().contains("<script type=\"module\" src=\"/dashboard/app.js\"></script>"));
        assertDashboardHeaders(index);
        // the people views: an agent's own tickets for everyone, the team's people for supervisors only
        assertTrue(index.body().contains("<a href=\"#/mine\" id=\"nav-mine\""), "my tickets link");
        assertTrue(index.body().contains("<a href=\"#/people\" id=\"nav-people\" data-testid=\"nav-people\" hidden>"));
        String people = page("/dashboard/people.js").body();
        assertTrue(people.contains("'/agents/me/tickets'") && people.contains("'/agents/me/availability'")
                && people.contains("'/teams/' + team + '/people'") && people.contains("'/assignment'"), people);
        assertTrue(page("/dashboard/app.js").body().contains("from './people.js'"));

        LambdaHttp.Reply missing = page("/dashboard/secrets.txt");
        assertEquals(404, missing.status());
        assertEquals(404, page("/dashboard/..%2Fapplication.properties").status());
        // the customer pages keep their own policy: this site's files only, and no connection to the sign-in
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, page("/").header("content-security-policy"));
    }

    /**
     * The pages never turn data into markup: no innerHTML and the like in any script, no inline script, style or
     * event handler in the page (the CSP would block them anyway).
     */
    @Test
    void theFilesRenderDataAsTextOnly() {
        Pattern markupSinks = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(|"
                + "new Function|setAttribute\\('on|\\.style\\s*=|setAttribute\\('style");
        for (String name : DashboardResource.ASSETS.keySet()) {
            String body = page("/dashboard/" + name).body();
            if (name.endsWith(".js")) {
                assertFalse(markupSinks.matcher(body).find(), name + " uses a markup sink");
            }
            if (name.endsWith(".html")) {
                assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(body).find(), "inline script");
                assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=").matcher(body).find(),
                        "inline style or handler");
            }
        }
    }

    @Test
    void theConfigurationTellsThePageWhereToSignIn() {
        LambdaHttp.Reply reply = LambdaHttp.get("/dashboard/config");
        assertEquals(200, reply.status());
        assertTrue(reply.header("content-type").startsWith("application/json"));
        assertDashboardHeaders(reply);
        JsonNode config = reply.json();
        assertEquals("local", config.at("/signIn/mode").asText(), "the local world overrides the template");
        assertEquals(identityOrigin() + "/us-east-1_AgentUserPool/token", config.at("/signIn/endpoint").asText());
        assertEquals("AgentUserPoolClient", config.at("/signIn/clientId").asText());
        assertEquals(30, config.get("refreshSeconds").asInt());
        assertEquals(60, config.get("atRiskMinutes").asInt());
        // the escalation form's reasons are the API's own codes, so its default is one the API accepts
        List<String> codes = new java.util.ArrayList<>();
        config.get("escalationReasons").forEach(r -> codes.add(r.get("code").asText()));
        assertEquals(java.util.Arrays.stream(io.tierline.core.escalation.EscalationReason.values())
                .map(io.tierline.core.escalation.EscalationReason::code).toList(), codes);
        assertEquals("response-time-exceeded", codes.get(0));
        assertEquals("Response time exceeded", config.at("/escalationReasons/0/label").asText());
    }

    @Test
    void inAwsThePageSignsInWithCognitoAndMayTalkOnlyToIt() {
        DashboardSettings aws = new DashboardSettings("cognito",
                java.util.Optional.of("https://cognito-idp.eu-west-1.amazonaws.com/"), "client123",
                java.util.Optional.empty());
        assertEquals(new DashboardSettings.SignIn("cognito", "https://cognito-idp.eu-west-1.amazonaws.com/",
                "client123"), aws.config().signIn());
        assertTrue(aws.contentSecurityPolicy().contains(
                "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;"), aws.contentSecurityPolicy());
        DashboardSettings extra = new DashboardSettings("cognito",
                java.util.Optional.of("https://cognito-idp.eu-west-1.amazonaws.com/"), "client123",
                java.util.Optional.of("https://auth.example.com"));
        assertTrue(extra.contentSecurityPolicy().contains(
                "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://auth.example.com;"));
        try {
            new DashboardSettings("saml", java.util.Optional.empty(), "c", java.util.Optional.empty());
            throw new AssertionError("an unknown sign-in mode must be refused");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("TIERLINE_SIGNIN_MODE"));
        }
    }

    @Test
    void whoAmIListsTheQueuesOnecanOpen() {
        JsonNode alice = AgentAndCustomerTest.ok(LambdaHttp.get("/dashboard/me", "alice"));
        assertEquals("alice", alice.get("user").asText());
        assertEquals("agent", alice.get("role").asText());
        assertEquals(List.of("billing", "service-desk"), texts(alice.get("teams")));
        assertFalse(alice.get("supervises").asBoolean());
        JsonNode ada = AgentAndCustomerTest.ok(LambdaHttp.get("/dashboard/me", "ada"));
        assertEquals(List.of("billing", "identity", "platform-engineering", "security", "service-desk"),
                texts(ada.get("teams")), "an admin opens every team the policy routes to");
        assertTrue(ada.get("supervises").asBoolean());
        assertEquals(401, LambdaHttp.get("/dashboard/me").status());
    }

    @Test
    void queueItemsCarryTheDeadlineTheCountdownShows() {
        LambdaHttp.Reply reply = LambdaHttp.postJson("/tickets", """
                {"subject":"<script>alert(1)</script> invoice","description":"<img src=x onerror=alert(1)>",
                 "requester":{"name":"Mallory","email":"mallory@example.com"}}""", Map.of());
        assertEquals(201, reply.status(), reply.body());
        JsonNode created = reply.json();
        String id = created.get("id").asText();
        triage.triage(new TicketId(id));
        JsonNode page = AgentAndCustomerTest.ok(LambdaHttp.get("/queues/billing?limit=100", "alice"));
        JsonNode mine = null;
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asText().equals(id)) {
                mine = item;
            }
        }
        assertTrue(mine != null, page.toString());
        assertEquals("<script>alert(1)</script> invoice", mine.get("subject").asText(), "data stays data");
        assertEquals("first-response", mine.at("/nextDeadline/metric").asText());
        assertTrue(mine.at("/nextDeadline/percent").asInt() > 0);
        assertTrue(mine.at("/nextDeadline/at").asText().endsWith("Z"));
        // the ticket's clocks list the warnings and the breach still ahead, for the bar's marks
        JsonNode clocks = AgentAndCustomerTest.ok(LambdaHttp.get("/tickets/" + id, "alice")).at("/sla/clocks");
        List<Integer> ahead = new ArrayList<>();
        for (JsonNode clock : clocks) {
            if (clock.get("metric").asText().equals("first-response")) {
                clock.get("upcoming").forEach(n -> ahead.add(n.get("percent").asInt()));
            }
        }
        assertEquals(100, ahead.get(ahead.size() - 1), clocks.toString());
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
