package io.tierline.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the operator's policy document: all of it is checked, and every problem is reported at once. */
class PolicyDocumentTest {

    /** The bundled document with one mistake in each section. */
    static String documentWithAMistakeInEverySection() throws IOException {
        ObjectNode doc;
        try (InputStream in = PolicyDocument.class.getResourceAsStream(PolicyDocument.BUNDLED)) {
            doc = (ObjectNode) Json.MAPPER.readTree(in);
        }
        ArrayNode rules = (ArrayNode) doc.get("rules");
        rules.add(Json.parse("{\"name\":\"broken\",\"when\":{\"regex\":\"err(or\"},\"then\":{\"team\":\"ops\"}}"));
        rules.add(Json.parse("{\"name\":\"toohigh\",\"when\":{\"keywords\":[\"x\"]},\"then\":{\"tier\":7}}"));
        ((ObjectNode) doc.get("calendars").get(0)).put("timeZone", "Mars/Base");
        ((ObjectNode) doc.get("slaPolicies").get(0).get("metrics").get("firstResponse").get("targets"))
                .put("urgent", "soon");
        ((ObjectNode) doc.get("escalationPolicies").get(0)).put("acknowledgementTimeout", "never");
        ((ObjectNode) doc.get("directory").get("people").get(0)).put("email", "not an address");
        return Json.write(doc);
    }

    /** A --policy that names no file is refused like a bad one, so the start failure says which file and why. */
    @Test
    void aPolicyFileThatCannotBeReadIsRefusedNamingIt(@TempDir Path folder) {
        Path missing = folder.resolve("nope.json");
        InvalidPolicyDocumentException refused = assertThrows(InvalidPolicyDocumentException.class,
                () -> PolicyDocument.load(Optional.of(missing)));
        assertEquals("The policy document " + missing + " is invalid (1 problem):\n  $: cannot be read: there is no"
                + " such file", refused.getMessage());
    }

    @Test
    void everyProblemOfEverySectionIsReportedInOnePass(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.json"), documentWithAMistakeInEverySection());

        InvalidPolicyDocumentException refused = assertThrows(InvalidPolicyDocumentException.class,
                () -> PolicyDocument.load(Optional.of(file)));

        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        for (String expected : List.of("calendars[berlin-office].timeZone", "rules[broken].when.regex",
                "rules[toohigh].then.tier", "slaPolicies[pro].metrics.firstResponse.targets.urgent",
                "escalationPolicies[urgent].acknowledgementTimeout", "directory.people[alice].email")) {
            assertTrue(fields.contains(expected), expected + " is missing from " + fields);
        }
        assertTrue(refused.getMessage().startsWith("The policy document " + file + " is invalid ("),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(
                "\n  rules[broken].when.regex: is not a valid regular expression: Unclosed group\n"),
                "one problem a line, by path: " + refused.getMessage());
    }

    @Test
    void theBundledDocumentLoadsWhenNoFileIsConfigured() {
        assertEquals(PolicyDocument.bundled().triage().defaultTeam(),
                PolicyDocument.load(Optional.empty()).triage().defaultTeam());
    }
}
