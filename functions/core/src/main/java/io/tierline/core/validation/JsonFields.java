package io.tierline.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads fields from a JSON object while collecting every problem, so a client learns all that is wrong at once.
 * Text is trimmed; blank optional text counts as absent. Text never holds control characters but tab and line
 * breaks, and a single line ({@link #line}) none at all: such values end up in email headers, page titles and logs.
 */
public final class JsonFields {
    /** Line breaks a single line must not hold beside the control characters: U+2028 and U+2029 end lines too. */
    private static final String LINE_SEPARATORS = "\u2028\u2029";

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

    /** Text that may span lines (a reply, a description): tab, CR and LF are its only control characters. */
    public String text(String name, boolean required, int maxLength) {
        String text = anyText(name, required, maxLength);
        if (text != null && !isPlainText(text)) {
            errors.add(new FieldError(path(name), "must not contain control characters but tab and line breaks"));
            return null;
        }
        return text;
    }

    /** Text on one line (a name, a subject, an address): no control character, no line break. */
    public String line(String name, boolean required, int maxLength) {
        String text = anyText(name, required, maxLength);
        if (text != null && !isOneLine(text)) {
            errors.add(new FieldError(path(name), "must be one line without control characters"));
            return null;
        }
        return text;
    }

    public static boolean isOneLine(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) || LINE_SEPARATORS.indexOf(c) >= 0);
    }

    /** Text whose only control characters are tab and line breaks. */
    public static boolean isPlainText(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private String anyText(String name, boolean required, int maxLength) {
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
        String text = line(name, false, 200);
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
            } else if (!isOneLine(item.asText().strip())) {
                errors.add(new FieldError(itemPath, "must be one line without control characters"));
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
