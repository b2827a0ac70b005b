package io.tierline.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.validation.PolicySchema;
import io.tierline.local.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published schema (docs/policy.schema.json) is the one the functions check, and every example keeps to it. */
class PolicySchemaTest {
    static final Path ROOT = ProjectRoot.find();

    static String bundled() throws IOException {
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyExamplePolicyOfTheRepositoryValidates() throws IOException {
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/examples"))) {
            files.filter(file -> file.toString().endsWith(".json")).sorted().forEach(examples::add);
        }
        examples.add(ROOT.resolve("functions/core/src/main/resources" + PolicyDocument.BUNDLED));
        assertTrue(examples.size() >= 2, examples.toString());
        for (Path example : examples) {
            String text = Files.readString(example);
            assertEquals(List.of(), PolicySchema.check(Json.parse(text)).errors(), example.toString());
            PolicyDocument.parse(text); // and what the schema cannot say holds too
        }
    }

    @Test
    void theSchemaOnTheClasspathIsThePublishedFile() throws IOException {
        try (InputStream in = PolicySchema.class.getResourceAsStream(PolicySchema.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(ROOT.resolve("docs/policy.schema.json")), in.readAllBytes(),
                    "the build copies docs/policy.schema.json; nobody edits a second one");
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", PolicySchema.node().path("$schema").asText());
    }

    @Test
    void anEditorsSchemaReferenceIsAllowed() throws IOException {
        ObjectNode doc = (ObjectNode) Json.parse(bundled());
        doc.put("$schema", "../docs/policy.schema.json");
        assertEquals("service-desk", PolicyDocument.parse(Json.write(doc)).triage().defaultTeam());
    }

    @Test
    void theTierIsCheckedAlikeWhereverItIsWritten() throws IOException {
        ObjectNode doc = (ObjectNode) Json.parse(bundled());
        ((ObjectNode) doc.get("defaultRoute")).put("tier", 4);
        ((ObjectNode) doc.get("rules").get(0).get("then")).put("tier", -1);
        ((ObjectNode) doc.get("escalationPolicies").get(0).get("levels").get(1).get("targets").get(0))
                .put("tier", "2");
        assertEquals(List.of(new FieldError("defaultRoute.tier", "must be a tier from 0 to 3"),
                new FieldError("rules[security].then.tier", "must be a tier from 0 to 3"),
                new FieldError("escalationPolicies[urgent].levels[1].targets[0].tier", "must be a tier from 0 to 3")),
                refused(doc));
    }

    @Test
    void durationsAreOneFormAndOneRangeEverywhere() throws IOException {
        ObjectNode doc = (ObjectNode) Json.parse(bundled());
        doc.putObject("escalationRequests").put("notifyAgainAfter", "400d");
        ((ObjectNode) doc.get("directory").get("rotas").get(0)).put("shift", "0m");
        ((ObjectNode) doc.get("escalationPolicies").get(1)).put("acknowledgementTimeout", "PT2H");
        assertEquals(List.of(new FieldError("directory.rotas[engineering-on-call].shift", "must be from 1m to 366d"),
                new FieldError("escalationPolicies[standard].acknowledgementTimeout",
                        "must be a duration such as 30m, 4h, 1h30m or 3d"),
                new FieldError("escalationRequests.notifyAgainAfter", "must be from 1m to 366d")), refused(doc));
    }

    @Test
    void aMissingPartIsReportedAsTheFieldsItMustHaveAndAWrongTypeSaysWhatIsExpected() {
        assertEquals(List.of(new FieldError("$", "must be an object")), assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse("[]")).errors());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PolicyDocument.parse("""
                {"priorityMatrix": {"high": {"high": "urgent", "medium": "high", "low": "normal"},
                                    "medium": {"high": "high", "medium": "normal", "low": "low"},
                                    "low": {"high": "normal", "medium": "low", "low": "low"}},
                 "transfers": {"agentsNeedApproval": "yes"},
                 "calendars": [{"id": "x", "timeZone": "UTC", "weekly": {"monday": "9-5"}}],
                 "escalationPolicies": [{"name": "p", "levels": [{"trigger": {"warning": "any", "after": "1m"},
                                         "actions": ["notify"], "targets": [{"person": "ada", "team": "x"}]},
                                                   {"trigger": {"after": "1m"}, "actions": ["addWatchers"]}]}]}"""));
        assertEquals(List.of(new FieldError("defaultRoute.team", "is required"),
                new FieldError("defaultRoute.tier", "is required"),
                new FieldError("transfers.agentsNeedApproval", "must be true or false"),
                new FieldError("calendars[x].weekly.monday",
                        "must be an array of [\"HH:mm\", \"HH:mm\"] intervals; [] for a closed day"),
                new FieldError("escalationPolicies[p].levels[0].trigger",
                        "must have exactly one of warning, breach (an SLA metric or \"any\") or after (a delay)"),
                new FieldError("escalationPolicies[p].levels[0].targets[0]",
                        "must have exactly one of tier, team, role, person or onCall"),
                new FieldError("escalationPolicies[p].levels[0].targets",
                        "must name at least one person, role, team or rota to notify or add as watcher"),
                new FieldError("escalationPolicies[p].levels[1].targets",
                        "must name at least one person, role, team or rota to notify or add as watcher")),
                refused.errors());
    }

    @Test
    void everyOneOfSaysInOneSentenceWhatItWants() {
        List<String> silent = new ArrayList<>();
        walk(PolicySchema.node(), "", silent);
        assertEquals(List.of(), silent, "a oneOf's branches are not reported, so it needs an errorMessage");
    }

    private static void walk(JsonNode schema, String at, List<String> silent) {
        if (schema.isObject() && (schema.has("oneOf") || schema.has("anyOf")) && !schema.has("errorMessage")) {
            silent.add(at);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("if")) { // a condition is never reported
                walk(field.getValue(), at + "/" + field.getKey(), silent);
            }
        }
        for (int i = 0; schema.isArray() && i < schema.size(); i++) {
            walk(schema.get(i), at + "/" + i, silent);
        }
    }

    private static List<FieldError> refused(JsonNode doc) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PolicyDocument.parse(Json.write(doc)));
        assertFalse(refused.errors().isEmpty());
        return refused.errors();
    }
}
