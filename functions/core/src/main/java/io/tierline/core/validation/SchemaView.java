package io.tierline.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a JSON Schema as a document: which subschema governs a property or an item, in which order an object's
 * properties are declared, which property names an item. Follows local {@code $ref}s and looks into {@code allOf},
 * {@code then} and {@code else}, which is how the policy schema composes its parts.
 */
final class SchemaView {
    private static final List<String> BRANCHES = List.of("allOf", "then", "else");
    private final JsonNode root;

    SchemaView(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /** The schema of property {@code name} of an object governed by {@code schema}; missing if it declares none. */
    JsonNode property(JsonNode schema, String name) {
        return find(schema, s -> s.path("properties").get(name)).orElse(missing());
    }

    /** Where {@code name} is declared among the object's properties; -1 for a field the schema does not know. */
    int rank(JsonNode schema, String name) {
        return find(schema, s -> s.path("properties").has(name) ? s.get("properties") : null).map(properties -> {
            int rank = 0;
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); rank++) {
                if (names.next().equals(name)) {
                    return rank;
                }
            }
            return -1;
        }).orElse(-1);
    }

    /** The names the object's schema declares, to tell an operator what a misspelt field could have been. */
    List<String> propertyNames(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema of item {@code index} of an array governed by {@code schema}. */
    JsonNode item(JsonNode schema, int index) {
        return find(schema, s -> s.path("prefixItems").has(index) ? s.get("prefixItems").get(index) : s.get("items"))
                .orElse(missing());
    }

    /** The property that names an item ({@code id}, else {@code name}), so a path survives reordering. */
    Optional<String> labelOf(JsonNode itemSchema, JsonNode item) {
        for (String field : List.of("id", "name")) {
            if (!property(itemSchema, field).isMissingNode()) {
                JsonNode label = item.path(field);
                return label.isTextual() && !label.asText().isBlank() ? Optional.of(label.asText().strip())
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code schema} itself, or the definition its {@code $ref} points to. */
    JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? root.at(ref.asText().substring(1)) : schema;
    }

    private Optional<JsonNode> find(JsonNode schema, Function<JsonNode, JsonNode> look) {
        if (schema == null || !schema.isObject()) {
            return Optional.empty();
        }
        JsonNode found = look.apply(schema);
        if (found != null) {
            return Optional.of(found);
        }
        JsonNode target = resolve(schema);
        if (target != schema) {
            Optional<JsonNode> inTarget = find(target, look);
            if (inTarget.isPresent()) {
                return inTarget;
            }
        }
        for (String branch : BRANCHES) {
            JsonNode next = schema.path(branch);
            for (JsonNode part : next.isArray() ? next : List.of(next)) {
                Optional<JsonNode> inPart = find(part, look);
                if (inPart.isPresent()) {
                    return inPart;
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
