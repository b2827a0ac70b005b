package io.tierline.tools.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options, and bare {@code --flag}s, checked against the options a command accepts. */
final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    static CommandLine parse(String[] args, List<String> valueOptions, List<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (valueOptions.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new CommandLine(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + value);
        }
    }
}
