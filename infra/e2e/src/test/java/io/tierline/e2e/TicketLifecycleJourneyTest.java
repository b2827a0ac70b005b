package io.tierline.e2e;

import static io.tierline.e2e.FirstJourneyTest.JSON;
import static io.tierline.e2e.FirstJourneyTest.awaitTriaged;
import static io.tierline.e2e.FirstJourneyTest.send;
import static io.tierline.e2e.FirstJourneyTest.sendAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's story through the local runner, over HTTP only: a customer files and follows a ticket, an agent of the
 * right team works it, an agent of another team is refused, concurrent updates conflict, and the audit trail tells
 * the whole story.
 */
class TicketLifecycleJourneyTest {

    @BeforeAll
    static void start() throws Exception {
        FirstJourneyTest.start();
    }

    @AfterAll
    static void stop() {
        FirstJourneyTest.stop();
    }

    @Test
    void aCustomerAndAnAgentTakeATicketToResolution() throws Exception {
        HttpResponse<String> filed = send("POST", "/tickets", "application/json", """
                {"subject":"Invoice shows the wrong VAT","description":"The May invoice has 19% instead of 7%.",
                 "requester":{"name":"Kim","email":"kim@example.com"}}""");
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode created = JSON.readTree(filed.body());
        String id = created.get("id").asText();
        String statusUrl = created.get("statusUrl").asText();
        String token = created.get("accessToken").asText();
        assertEquals("billing", awaitTriaged(id).get("team").asText());
        assertTrue(send("GET", statusUrl, null, null).body().contains(id), "the status link opens the status page");
        String customerApi = "/customer/tickets/" + id;

        HttpResponse<String> reply = sendAs("alice", "POST", "/tickets/" + id + "/replies",
                "{\"body\":\"Which customer number is it?\"}", Map.of());
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(200, sendAs("alice", "POST", "/tickets/" + id + "/status",
                "{\"status\":\"pending\",\"reason\":\"waiting for the customer number\"}", Map.of()).statusCode());
        assertEquals(403, sendAs("bob", "POST", "/tickets/" + id + "/status",
                "{\"status\":\"solved\"}", Map.of()).statusCode(), "another team's agent is refused");

        HttpResponse<String> customerReply = send("POST", customerApi + "/replies?token=" + token,
                "application/json", "{\"body\":\"It is C-1009.\"}");
        assertEquals(200, customerReply.statusCode(), customerReply.body());
        assertEquals("open", JSON.readTree(customerReply.body()).get("status").asText(), "the reply reopens it");

        // two agents change it at once from the same version: one wins, the other gets 409 with the current version
        HttpResponse<String> read = sendAs("alice", "GET", "/tickets/" + id, null, Map.of());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        var a = CompletableFuture.supplyAsync(() -> call("alice", "/tickets/" + id + "/assignment",
                "{\"assignee\":\"alice\"}", etag));
        var b = CompletableFuture.supplyAsync(() -> call("sam", "/tickets/" + id + "/assignment",
                "{\"assignee\":\"sam\"}", etag));
        List<Integer> codes = new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
        codes.sort(null);
        assertEquals(List.of(200, 409), codes);

        HttpResponse<String> solved = sendAs("alice", "POST", "/tickets/" + id + "/resolution",
                "{\"note\":\"Corrected invoice sent.\",\"rootCause\":\"wrong tax class\"}", Map.of());
        assertEquals(200, solved.statusCode(), solved.body());
        JsonNode story = JSON.readTree(solved.body());
        List<String> types = new ArrayList<>();
        story.get("events").forEach(e -> types.add(e.get("type").asText() + "/" + e.get("actor").asText()));
        assertEquals(List.of("created/customer:kim@example.com", "triaged/system:triage", "status-changed/system:triage",
                "replied/agent:alice", "status-changed/agent:alice", "customer-replied/customer:kim@example.com",
                "status-changed/customer:kim@example.com", "assigned/" + winner(a.get(), b.get()),
                "resolved/agent:alice"), types);

        JsonNode resolvedEvent = story.get("events").get(story.get("events").size() - 1);
        assertTrue(resolvedEvent.get("changes").toString().contains("wrong tax class"),
                "the root cause is in the agents' trail: " + resolvedEvent);

        JsonNode customerView = JSON.readTree(send("GET", customerApi + "?token=" + token, null, null).body());
        assertEquals("solved", customerView.get("status").asText());
        assertFalse(customerView.toString().contains("wrong tax class"), "the root cause stays internal");
        assertEquals(404, send("GET", customerApi + "?token=nope", null, null).statusCode());
    }

    private static String winner(HttpResponse<String> a, HttpResponse<String> b) {
        return a.statusCode() == 200 ? "agent:alice" : "supervisor:sam"; // staff act in their role
    }

    private static HttpResponse<String> call(String user, String path, String body, String etag) {
        try {
            return sendAs(user, "POST", path, body, Map.of("If-Match", etag));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
