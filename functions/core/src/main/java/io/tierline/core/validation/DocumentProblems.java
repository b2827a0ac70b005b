package io.tierline.core.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every problem found in one JSON document, by the schema or by the checks a schema cannot express, each at its
 * JSON Pointer. They are reported as paths an operator reads, items named by their id or name where they have one
 * ({@code calendars[berlin-office].weekly.monday[1]}, {@code rules[2].name}), in the order of the document's schema
 * (unknown fields first, a field's details before the field itself), each once.
 */
public final class DocumentProblems {
    private final JsonNode document;
    /** Read only to name and order problems, so a sound document never loads the schema. */
    private final Supplier<SchemaView> schema;
    private final List<Problem> problems = new ArrayList<>();

    private record Problem(JsonPointer at, String problem) {
    }

    DocumentProblems(JsonNode document, Supplier<SchemaView> schema) {
        this.document = document;
        this.schema = schema;
    }

    public void add(JsonPointer at, String problem) {
        problems.add(new Problem(at, problem));
    }

    /** Adds the errors of a domain check whose fields ({@code weekly.monday[1]}) are relative to {@code at}. */
    public void addAll(JsonPointer at, InvalidInputException relative) {
        for (FieldError error : relative.errors()) {
            add(at.append(JsonPointer.compile("/" + error.field().replace("]", "").replace('[', '.')
                    .replace('.', '/'))), error.problem());
        }
    }

    /**
     * Whether nothing at or under {@code at} has a problem so far: only then may a check read the value there as
     * the schema describes it, and only then is the value taken into the result.
     */
    public boolean sound(JsonPointer at) {
        String prefix = at.toString();
        return problems.stream().map(p -> p.at().toString())
                .noneMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldError> errors() {
        Set<FieldError> errors = new LinkedHashSet<>();
        problems.stream().sorted(Comparator.comparing(p -> orderOf(p.at()), DocumentProblems::compare))
                .forEach(p -> errors.add(new FieldError(pathOf(p.at()), p.problem())));
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(errors());
        }
    }

    /** {@code /calendars/0/weekly} as {@code calendars[berlin-office].weekly}. */
    private String pathOf(JsonPointer at) {
        StringBuilder path = new StringBuilder();
        SchemaView schema = this.schema.get();
        JsonNode value = document;
        JsonNode governing = schema.root();
        for (JsonPointer step = at; !step.matches(); step = step.tail()) {
            if (value.isArray() && step.getMatchingIndex() >= 0) {
                int index = step.getMatchingIndex();
                JsonNode itemSchema = schema.item(governing, index);
                JsonNode item = value.path(index);
                path.append('[').append(schema.labelOf(itemSchema, item).orElse(Integer.toString(index))).append(']');
                value = item;
                governing = itemSchema;
            } else {
                String name = step.getMatchingProperty();
                path.append(path.isEmpty() ? "" : ".").append(name);
                value = value.path(name);
                governing = schema.property(governing, name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Per step: an item's position, or a field's place in its schema (-1, then by name, for an unknown one). */
    private List<Step> orderOf(JsonPointer at) {
        List<Step> order = new ArrayList<>();
        SchemaView schema = this.schema.get();
        JsonNode value = document;
        JsonNode governing = schema.root();
        for (JsonPointer step = at; !step.matches(); step = step.tail()) {
            if (value.isArray() && step.getMatchingIndex() >= 0) {
                order.add(new Step(step.getMatchingIndex(), ""));
                value = value.path(step.getMatchingIndex());
                governing = schema.item(governing, step.getMatchingIndex());
            } else {
                String name = step.getMatchingProperty();
                order.add(new Step(schema.rank(governing, name), name));
                value = value.path(name);
                governing = schema.property(governing, name);
            }
        }
        return order;
    }

    private record Step(int rank, String name) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            return rank != other.rank ? Integer.compare(rank, other.rank) : name.compareTo(other.name);
        }
    }

    /** Step by step; where one path holds the other, the longer first: a field's details, then the field. */
    private static int compare(List<Step> a, List<Step> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int step = a.get(i).compareTo(b.get(i));
            if (step != 0) {
                return step;
            }
        }
        return Integer.compare(b.size(), a.size());
    }
}
