package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.core.json.Json;
import io.tierline.core.request.AgentActions;
import io.tierline.core.request.CustomerActions;
import io.tierline.core.request.RequestBinder;
import io.tierline.core.request.TicketRequest;
import io.tierline.local.testing.LocalAwsTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} serves the contract SmallRye OpenAPI generates from the resources, and documents every request
 * body with the properties of the record it binds to.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsTestResource.class,
        initArgs = @ResourceArg(name = LocalAwsTestResource.FUNCTION_ARG, value = "ApiFunction"))
class OpenApiRequestBodiesTest {
    /** Every operation that takes a body, and the record it binds to. */
    private static final Map<String, Class<?>> BODIES = new HashMap<>();

    static {
        BODIES.put("post /tickets", TicketRequest.class);
        BODIES.put("post /triage/dry-run", TicketRequest.class);
        BODIES.put("post /tickets/{id}/assignment", AgentActions.Assignment.class);
        BODIES.put("post /tickets/{id}/replies", AgentActions.Reply.class);
        BODIES.put("post /tickets/{id}/status", AgentActions.StatusChange.class);
        BODIES.put("post /tickets/{id}/levels", AgentActions.LevelsChange.class);
        BODIES.put("post /tickets/{id}/transfer", AgentActions.Transfer.class);
        BODIES.put("post /tickets/{id}/transfer/decision", AgentActions.TransferDecision.class);
        BODIES.put("post /tickets/{id}/escalations", AgentActions.Escalation.class);
        BODIES.put("post /tickets/{id}/escalations/next", AgentActions.EscalationToNext.class);
        BODIES.put("post /tickets/{id}/acknowledgement", AgentActions.Acknowledgement.class);
        BODIES.put("post /tickets/{id}/resolution", AgentActions.Resolution.class);
        BODIES.put("post /tickets/{id}/reopen", AgentActions.Reopening.class);
        BODIES.put("post /tickets/{id}/merge", AgentActions.Merge.class);
        BODIES.put("post /customer/tickets/{id}/replies", CustomerActions.CustomerReply.class);
        BODIES.put("post /customer/tickets/{id}/escalation-requests", CustomerActions.EscalationRequest.class);
        BODIES.put("post /customer/tickets/{id}/satisfaction", CustomerActions.Rating.class);
        BODIES.put("put /agents/me/availability", AgentActions.AvailabilityChange.class);
        BODIES.put("post /customer/tickets/{id}/follow-up", CustomerActions.FollowUpReply.class);
        BODIES.put("post /tickets/{id}/escalations/{sequence}/feedback", AgentActions.EscalationFeedback.class);
        BODIES.put("post /articles", io.tierline.core.request.ArticleRequest.class);
        BODIES.put("put /articles/{id}", io.tierline.core.request.ArticleRequest.class);
        BODIES.put("post /kb/deflections", io.tierline.core.request.DeflectionRequest.class);
        BODIES.put("post /kb/articles/{id}/votes", io.tierline.core.request.VoteRequest.class);
    }

    /** Operations that are posts but take no body: the path says it all (an article's publish and retire). */
    private static final Set<String> BODILESS = Set.of("post /articles/{id}/publish", "post /articles/{id}/retire",
            "post /tickets/{id}/article-draft");

    /** Set to rewrite the packaged contract from the resources: {@code -Dtierline.openapi.write=true}. */
    private static final String WRITE = "tierline.openapi.write";
    private static final Path GENERATED = Path.of("target/openapi");
    private static final Path PACKAGED = Path.of("src/main/resources/io/tierline/api")
            .resolve(OpenApiResource.JSON).getParent();

    /**
     * The function serves a packaged copy (OpenApiResource) so it does not carry the extension; this is what keeps
     * the copy true. The extension is a test dependency and writes what it generates to target/openapi.
     */
    @Test
    void theServedContractIsTheOneTheResourcesGenerate() throws IOException {
        String generatedJson = Files.readString(GENERATED.resolve("openapi.json"));
        String generatedYaml = Files.readString(GENERATED.resolve("openapi.yaml"));
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(PACKAGED);
            Files.writeString(PACKAGED.resolve("openapi.json"), generatedJson);
            Files.writeString(PACKAGED.resolve("openapi.yaml"), generatedYaml);
            // the running function still serves the copy it was built with: the next build checks the new one
            Assumptions.abort("wrote the API contract to " + PACKAGED.toAbsolutePath() + "; run the tests again");
        }
        String stale = "the resources changed the API contract: run ./mvnw -B install -pl functions/api -am "
                + "-Dtest=OpenApiRequestBodiesTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
        assertEquals(generatedJson, Files.readString(PACKAGED.resolve("openapi.json")), stale);
        assertEquals(generatedYaml, Files.readString(PACKAGED.resolve("openapi.yaml")), stale);

        LambdaHttp.Reply json = LambdaHttp.call("GET", "/openapi", Map.of("accept", "application/json"), null);
        assertEquals(200, json.status());
        assertEquals(Json.parse(generatedJson), json.json());
        assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
        LambdaHttp.Reply yaml = LambdaHttp.call("GET", "/openapi", Map.of(), null);
        assertEquals(generatedYaml, yaml.body());
        assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml.header("Content-Type"));
        assertEquals(generatedJson, LambdaHttp.call("GET", "/openapi?format=json", Map.of(), null).body());
    }

    @Test
    void everyOperationWithABodyDocumentsItsRecordsProperties() {
        LambdaHttp.Reply reply = LambdaHttp.call("GET", "/openapi", Map.of("accept", "application/json"), null);
        assertEquals(200, reply.status());
        JsonNode doc = reply.json();
        Set<String> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : new String[] {"post", "put", "patch"}) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method + " " + path.getKey();
                if (BODILESS.contains(name)) {
                    assertTrue(operation.get("requestBody") == null, name + " documents a body it does not take");
                    continue;
                }
                seen.add(name);
                Class<?> record = BODIES.get(name);
                assertNotNull(record, name + " takes a body that no record describes");
                JsonNode content = operation.at("/requestBody/content");
                assertTrue(content.has("application/json"), name + ": " + operation);
                content.fields().forEachRemaining(media -> assertEquals(properties(record),
                        properties(doc, media.getValue().get("schema")), name + " " + media.getKey()));
            }
        }
        assertEquals(new TreeSet<>(BODIES.keySet()), seen);
        JsonNode ticket = schema(doc, doc.at("/paths/~1tickets/post/requestBody/content/application~1json/schema"));
        assertEquals(Set.of("name", "email", "customerId", "plan"),
                properties(doc, ticket.at("/properties/requester")), ticket.toString());
        assertTrue(doc.at("/paths/~1tickets/post/requestBody/content").has("application/x-www-form-urlencoded"));
        assertFalse(ticket.at("/required").isMissingNode(), "required fields are documented: " + ticket);
    }

    private static Set<String> properties(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RequestBinder::jsonName).collect(Collectors.toSet());
    }

    private static Set<String> properties(JsonNode doc, JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema(doc, schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema itself, following a {@code $ref} into the components. */
    private static JsonNode schema(JsonNode doc, JsonNode schema) {
        assertNotNull(schema);
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : doc.at(ref.asText().substring(1));
    }
}
