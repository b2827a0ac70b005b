package io.tierline.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found while reading a part of the policy document, each named by its full path, e.g.
 * {@code calendars[berlin-office].weekly.monday[1]}, so an operator learns all that is wrong at once. Children share
 * their parent's list.
 */
public final class FieldProblems {
    private final String path;
    private final List<FieldError> errors;

    private FieldProblems(String path, List<FieldError> errors) {
        this.path = path;
        this.errors = errors;
    }

    public static FieldProblems at(String path) {
        return new FieldProblems(path, new ArrayList<>());
    }

    /** The field {@code name} of this object. */
    public FieldProblems field(String name) {
        return new FieldProblems(path + "." + name, errors);
    }

    /** The element {@code index} of this array. */
    public FieldProblems index(int index) {
        return new FieldProblems(path + "[" + index + "]", errors);
    }

    /**
     * An item of an array of named objects, labelled by its name when it has a usable one ({@code
     * slaPolicies[pro]}), by its position otherwise: a name survives reordering, a position does not.
     */
    public FieldProblems item(int index, JsonNode item, String nameField) {
        JsonNode name = item.path(nameField);
        String label = name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : Integer.toString(index);
        return new FieldProblems(path + "[" + label + "]", errors);
    }

    public void add(String problem) {
        errors.add(new FieldError(path, problem));
    }

    /** Adds errors whose fields are relative to this path. */
    public void addAll(InvalidInputException relative) {
        relative.errors().forEach(e -> errors.add(new FieldError(path + "." + e.field(), e.problem())));
    }

    /** Refuses the fields of {@code object} that are not in {@code known}: a typo must not be silently ignored. */
    public void rejectUnknown(JsonNode object, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                field(name).add("is not a known field; expected one of " + String.join(", ", known.stream()
                        .sorted().toList()));
            }
        }
    }

    /** Whether {@code node} is an object; if it is not, says so. */
    public boolean requireObject(JsonNode node) {
        if (!node.isObject()) {
            add(node.isMissingNode() || node.isNull() ? "is required" : "must be an object");
            return false;
        }
        return true;
    }

    /** The problems so far, counted to tell whether reading one part added any. */
    public int count() {
        return errors.size();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Reads an item of a list; problems go to {@code at}. */
    public interface ItemReader<T> {
        T read(JsonNode item, FieldProblems at);
    }

    /**
     * The items of the array {@code list} (at this path) that read without a problem, each labelled by its
     * {@code nameField}; an item with problems is reported and left out, so the rest can still be checked.
     */
    public <T> List<T> validItems(JsonNode list, String nameField, ItemReader<T> reader) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            FieldProblems at = item(i, list.get(i), nameField);
            int before = at.count();
            T item = reader.read(list.get(i), at);
            if (at.count() == before) {
                items.add(item);
            }
        }
        return items;
    }
}
