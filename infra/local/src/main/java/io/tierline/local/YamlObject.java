package io.tierline.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, null-tolerant reads from one parsed YAML mapping (a resource's Properties, an event, a section). */
record YamlObject(String where, Map<String, Object> values) {

    static YamlObject of(String where, Object value) {
        if (value == null) {
            return new YamlObject(where, Map.of());
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return new YamlObject(where, typed);
        }
        throw new IllegalArgumentException(where + " must be a mapping, found: " + value);
    }

    Object raw(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    YamlObject object(String key) {
        return of(where + "." + key, values.get(key));
    }

    /** A plain string value; null when absent or when the value is an intrinsic (not known before deployment). */
    String literal(String key) {
        Object value = values.get(key);
        return value == null || value instanceof Intrinsic || value instanceof Map || value instanceof List
                ? null : String.valueOf(value);
    }

    String string(String key, String fallback) {
        return Optional.ofNullable(literal(key)).orElse(fallback);
    }

    Integer integer(String key) {
        String text = literal(key);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "." + key + " must be a number, found: " + text, e);
        }
    }

    int integer(String key, int fallback) {
        Integer value = integer(key);
        return value == null ? fallback : value;
    }

    boolean bool(String key, boolean fallback) {
        String text = literal(key);
        return text == null ? fallback : Boolean.parseBoolean(text.trim());
    }

    List<YamlObject> objects(String key) {
        return list(key).stream().map(item -> of(where + "." + key + "[]", item)).toList();
    }

    List<Object> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        return List.of(value);
    }

    List<String> strings(String key) {
        return list(key).stream().map(String::valueOf).toList();
    }
}
