package io.tierline.core.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The policy document's JSON Schema (docs/policy.schema.json, on the classpath beside the bundled document), checked
 * with networknt json-schema-validator. Each violation becomes a problem at its path, worded by the schema: the
 * failing subschema's {@code errorMessage}, a missing field's {@code requiredMessage}, or a plain sentence per
 * keyword ("must be one of ...", "is not a known field; expected one of ...").
 */
public final class PolicySchema {
    public static final String RESOURCE = "/io/tierline/policy/policy.schema.json";
    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");

    /**
     * The schema as a document, read on first use: a function that starts with the bundled document and finds no
     * problem in it never needs it (reading and parsing it cost every cold start about 30 ms).
     */
    private static final class Published {
        static final String TEXT = text();
        static final SchemaView VIEW = new SchemaView(readTree(TEXT));
        static final String ID = VIEW.root().path("$id").asText();
    }

    /**
     * The validator, loaded on first use: networknt's classes cost a cold start about 250 class loads, and a
     * function that starts with the bundled document never needs them ({@link #trusted}).
     */
    private static final class Validator {
        /** The schema's own $id names it, so its local $refs resolve without any network access. */
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(Published.ID, Published.TEXT)));
        static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    }

    private PolicySchema() {
    }

    /**
     * No schema check, for the document bundled in the core jar only: the build's tests check that document against
     * the schema (PolicySchemaTest), so a function starting with it does not run the validator again. A document an
     * operator supplies goes through {@link #check}. Callers still add what the schema cannot say.
     */
    public static DocumentProblems trusted(JsonNode document) {
        return new DocumentProblems(document, PolicySchema::view);
    }

    /** The problems the schema finds in a whole document; callers add what it cannot say. */
    public static DocumentProblems check(JsonNode document) {
        DocumentProblems problems = new DocumentProblems(document, PolicySchema::view);
        check(document, "", JsonPointer.empty(), problems);
        return problems;
    }

    /** The problems of one top-level section ({@code calendars}) on its own; missing means absent, which is fine. */
    public static DocumentProblems checkSection(String section, JsonNode value) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        if (!value.isMissingNode()) {
            document.set(section, value);
        }
        DocumentProblems problems = new DocumentProblems(document, PolicySchema::view);
        if (!value.isMissingNode()) {
            check(value, "/properties/" + section, JsonPointer.compile("/" + section), problems);
        }
        return problems;
    }

    private static void check(JsonNode value, String fragment, JsonPointer base, DocumentProblems problems) {
        Schema schema = Validator.SCHEMAS.computeIfAbsent(fragment, f -> {
            Schema loaded = Validator.REGISTRY.getSchema(SchemaLocation.of(Published.ID + "#" + f));
            loaded.initializeValidators();
            return loaded;
        });
        List<Error> errors = schema.validate(value, context -> context.executionConfig(config -> config
                .formatAssertionsEnabled(true)));
        for (Error error : errors) {
            if (!insideCombinator(error.getEvaluationPath())) {
                JsonPointer at = base.append(pointer(error.getInstanceLocation()));
                JsonNode owner = view().root().at(pointer(error.getSchemaLocation().getFragment()).head());
                report(error, at, owner, problems);
            }
        }
    }

    private static void report(Error error, JsonPointer at, JsonNode owner, DocumentProblems problems) {
        switch (error.getKeyword()) {
            case "required" -> missing(at.appendProperty(error.getProperty()),
                    view().property(owner, error.getProperty()), problems);
            case "additionalProperties" -> problems.add(at.appendProperty(error.getProperty()),
                    "is not a known field; expected one of " + view().propertyNames(owner).stream().sorted()
                            .collect(Collectors.joining(", ")));
            case "propertyNames" -> badKey(error, at, owner, problems);
            default -> problems.add(at, owner.path("errorMessage").isTextual() ? owner.get("errorMessage").asText()
                    : plain(error, owner));
        }
    }

    /** A key the object's {@code propertyNames} refuses ({@code byPriority.whenever}) is named by its own path. */
    private static void badKey(Error error, JsonPointer at, JsonNode owner, DocumentProblems problems) {
        JsonNode names = view().resolve(owner.path("propertyNames"));
        String problem;
        if (names.path("errorMessage").isTextual()) {
            problem = names.get("errorMessage").asText();
        } else if (names.path("enum").isArray()) {
            List<String> allowed = new ArrayList<>();
            names.get("enum").forEach(value -> allowed.add(value.asText()));
            problem = "is not a known key; expected one of " + String.join(", ", allowed);
        } else {
            problem = "is not a valid key";
        }
        problems.add(error.getProperty() == null ? at : at.appendProperty(error.getProperty()), problem);
    }

    /**
     * A missing field: its {@code requiredMessage}, or its {@code errorMessage} when that already says what is
     * required; a missing object whose own fields are required is reported as those fields, so the operator sees
     * everything there is to write.
     */
    private static void missing(JsonPointer at, JsonNode field, DocumentProblems problems) {
        JsonNode resolved = view().resolve(field);
        String message = field.path("requiredMessage").asText(resolved.path("requiredMessage").asText(null));
        String described = field.path("errorMessage").asText(resolved.path("errorMessage").asText(""));
        if (message == null && described.startsWith("is required")) {
            message = described;
        }
        if (message == null && resolved.path("required").isArray()) {
            resolved.get("required").forEach(name -> missing(at.appendProperty(name.asText()),
                    view().property(resolved, name.asText()), problems));
            return;
        }
        problems.add(at, message == null ? "is required" : message);
    }

    /** A sentence for a keyword whose subschema gives no errorMessage. */
    private static String plain(Error error, JsonNode owner) {
        JsonNode value = owner.path(error.getKeyword());
        return switch (error.getKeyword()) {
            case "type" -> switch (value.asText()) {
                case "string" -> "must be a string";
                case "integer" -> "must be a whole number";
                case "number" -> "must be a number";
                case "boolean" -> "must be true or false";
                case "object" -> "must be an object";
                case "array" -> "must be an array";
                default -> error.getMessage();
            };
            case "enum" -> "must be one of " + StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(", "));
            case "const" -> "must be " + value;
            case "minItems" -> "must have at least " + value + " item" + (value.asInt() == 1 ? "" : "s");
            case "maxItems" -> "must have at most " + value + " items";
            case "minLength" -> value.asInt() == 1 ? "must not be blank" : "must be at least " + value + " characters";
            case "maxLength" -> "must be at most " + value + " characters";
            case "minimum" -> "must be at least " + value;
            case "maximum" -> "must be at most " + value;
            default -> error.getMessage();
        };
    }

    /**
     * Whether the error explains why one branch of a oneOf or anyOf failed: the combinator reports the failure
     * itself, with its errorMessage, so the branches' reasons would only repeat it in schema terms.
     */
    private static boolean insideCombinator(NodePath evaluationPath) {
        for (int i = 0; i < evaluationPath.getNameCount() - 2; i++) {
            if (COMBINATORS.contains(evaluationPath.getName(i))) {
                return true;
            }
        }
        return false;
    }

    private static JsonPointer pointer(NodePath path) {
        JsonPointer pointer = JsonPointer.empty();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index ? pointer.appendIndex(index)
                    : pointer.appendProperty(element.toString());
        }
        return pointer;
    }

    private static String text() {
        try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (copied from docs/ by the build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a plain mapper: the schema is our own file, and core.json depends on this package (its errors are ours)
    private static JsonNode readTree(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema as published, for tests and tools. */
    public static JsonNode node() {
        return view().root();
    }

    private static SchemaView view() {
        return Published.VIEW;
    }
}
