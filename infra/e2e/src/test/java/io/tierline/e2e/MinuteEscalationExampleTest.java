package io.tierline.e2e;

import static io.tierline.e2e.EscalationJourneyTest.awaitEmails;
import static io.tierline.e2e.EscalationJourneyTest.awaitLevel;
import static io.tierline.e2e.FirstJourneyTest.JSON;
import static io.tierline.e2e.FirstJourneyTest.awaitTriaged;
import static io.tierline.e2e.FirstJourneyTest.sendAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.local.ProjectRoot;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's minute example, step by step, in real time: the local runner with
 * {@code docs/examples/minute-escalation-policy.json}, the README's first {@code curl}, the assignment to alice it
 * shows, then nothing; the outbox must then hold exactly the six emails the README lists. Takes about three and a
 * half minutes (level 3 comes one minute after the two-minute breach).
 */
class MinuteEscalationExampleTest {

    static final Path POLICY = ProjectRoot.find().resolve("docs/examples/minute-escalation-policy.json");

    @BeforeAll
    static void start() throws Exception {
        FirstJourneyTest.start(options -> options.withPolicyFile(POLICY));
    }

    @AfterAll
    static void stop() {
        FirstJourneyTest.stop();
    }

    @Test
    void theReadmeExampleMailsExactlyTheSixPeopleItNames() throws Exception {
        // README "Try it", the first command
        HttpResponse<String> filed = FirstJourneyTest.http.send(HttpRequest.newBuilder(
                        FirstJourneyTest.system.httpApiUrl().resolve("/tickets"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "demo-1")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"subject":"Refund for my last invoice","description":"I was charged twice.",
                               "impact":"low","urgency":"high",
                               "requester":{"name":"Ada","email":"ada@example.com","customerId":"acme","plan":"pro"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, filed.statusCode(), filed.body());
        String id = JSON.readTree(filed.body()).get("id").asText();
        awaitTriaged(id);
        // README "Escalation policies", the minute example: sam assigns it to alice
        HttpResponse<String> assigned = sendAs("sam", "POST", "/tickets/" + id + "/assignment",
                "{\"assignee\":\"alice\"}", Map.of());
        assertEquals(200, assigned.statusCode(), assigned.body());

        awaitLevel(id, 3, Duration.ofSeconds(240));
        List<String> emails = awaitEmails(id, 6, Duration.ofSeconds(30));
        String onCall = onCallAt(Instant.now(), "engineering-on-call");
        assertEquals(List.of(
                        id + "/1/1/0/alice/email", id + "/1/1/0/sam/email",
                        id + "/2/2/0/customer/customer", id + "/2/2/0/sam/email",
                        id + "/3/3/0/ada/email", id + "/3/3/0/" + onCall + "/email").stream().sorted().toList(),
                emails, "level 1: alice and sam; level 2: sam and one customer update; level 3: ada and the on-call");
    }

    /** Who the example's rota puts on call: its people take turns of one shift each from its start. */
    static String onCallAt(Instant at, String rotaName) throws Exception {
        for (JsonNode rota : JSON.readTree(POLICY.toFile()).get("directory").get("rotas")) {
            if (rota.get("name").asText().equals(rotaName)) {
                Instant start = Instant.parse(rota.get("start").asText());
                Duration shift = Duration.ofDays(Long.parseLong(rota.get("shift").asText().replace("d", "")));
                long turns = Duration.between(start, at).toMillis() / shift.toMillis();
                return rota.get("people").get((int) (turns % rota.get("people").size())).asText();
            }
        }
        throw new IllegalArgumentException("no rota " + rotaName + " in " + POLICY);
    }
}
