package io.tierline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's command line: {@code --name value} pairs, each name one the benchmark knows. */
record BenchArgs(Map<String, String> values) {

    static BenchArgs parse(String[] args, List<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: --"
                        + String.join(" <value>, --", known) + " <value>");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return new BenchArgs(values);
    }

    int positive(String name, int fallback) {
        String text = values.get(name);
        int value;
        try {
            value = text == null ? fallback : Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + text);
        }
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive, not " + value);
        }
        return value;
    }

    /** A share between 0 and 1 (both excluded). */
    double share(String name, double fallback) {
        String text = values.get(name);
        double value;
        try {
            value = text == null ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number such as 0.01, not " + text);
        }
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("--" + name + " must be between 0 and 1 (0.01 is 1 %), not " + value);
        }
        return value;
    }
}
