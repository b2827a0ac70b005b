package io.tierline.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads fields from a JSON object while collecting every problem, so a client learns all that is wrong at once.
 * Text is trimmed; blank optional text counts as absent.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonFields of(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add(new FieldError("$", "must be a JSON object"));
            return new JsonFields(null, "", errors);
        }
        return new JsonFields(root, "", errors);
    }

    /** The nested object at {@code name}; when missing or not an object, an error is recorded. */
    public JsonFields object(String name, boolean required) {
        JsonNode child = node == null ? null : node.get(name);
        if (child == null || child.isNull()) {
            if (required && node != null) {
                errors.add(new FieldError(path(name), "is required"));
            }
            return new JsonFields(null, path(name) + ".", errors);
        }
        if (!child.isObject()) {
            errors.add(new FieldError(path(name), "must be an object"));
            return new JsonFields(null, path(name) + ".", errors);
        }
        return new JsonFields(child, path(name) + ".", errors);
    }

    public void rejectUnknown(Set<String> known) {
        if (node == null) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(path(name), "is not a known field"));
            }
        }
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                errors.add(new FieldError(path(name), "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path(name), "must be a string"));
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(path(name), "must not be blank"));
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(new FieldError(path(name), "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    /** Optional text converted by {@code parse}; its IllegalArgumentException message becomes the problem. */
    public <T> T parsed(String name, Function<String, T> parse, T absent) {
        String text = text(name, false, 200);
        if (text == null) {
            return absent;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path(name), e.getMessage()));
            return absent;
        }
    }

    /** A whole number from min to max; JSON sends a number, a plain HTML form the same digits as text. */
    public Integer integer(String name, boolean required, int min, int max) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            if (required && node != null) {
                errors.add(new FieldError(path(name), "is required"));
            }
            return null;
        }
        String problem = "must be a whole number from " + min + " to " + max;
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isTextual() && value.asText().strip().matches("[0-9]{1,9}")) {
            number = Long.parseLong(value.asText().strip());
        } else {
            errors.add(new FieldError(path(name), problem));
            return null;
        }
        if (number < min || number > max) {
            errors.add(new FieldError(path(name), problem));
            return null;
        }
        return (int) number;
    }

    public List<String> textList(String name, int maxItems, int maxLength) {
        JsonNode value = node == null ? null : node.get(name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(path(name), "must be an array of strings"));
            return out;
        }
        if (value.size() > maxItems) {
            errors.add(new FieldError(path(name), "must have at most " + maxItems + " items"));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(name) + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                errors.add(new FieldError(itemPath, "must be a non-blank string"));
            } else if (item.asText().strip().length() > maxLength) {
                errors.add(new FieldError(itemPath, "must be at most " + maxLength + " characters"));
            } else {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    public void check(boolean ok, String name, String problem) {
        if (!ok) {
            errors.add(new FieldError(path(name), problem));
        }
    }

    public String path(String name) {
        return prefix + name;
    }

    /** Throws with every problem collected so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
