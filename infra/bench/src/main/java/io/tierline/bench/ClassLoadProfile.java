package io.tierline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a cold start's time goes, by the classes it loads: the JVM's own class-load log
 * ({@code -Xlog:class+load:file=...:uptimenanos}, written by the function process of one extra, untimed run), split
 * at the instant of the first {@code next} poll into boot and first request, and counted per library. On a cold
 * JVM loading, verifying and initialising classes is most of the start-up cost, so the libraries that load many
 * classes in the first request are where first-request initialisation (SDK clients, Jackson, the model, the
 * policy) goes.
 *
 * @param boot         classes loaded before the first poll, per library ({@link #library})
 * @param firstRequest classes loaded between the first poll and the first response, per library
 */
record ClassLoadProfile(Map<String, Integer> boot, Map<String, Integer> firstRequest) {

    /** The JVM's option that writes the log this reads. */
    static String javaOption(Path logFile) {
        return "-Xlog:class+load=info:file=" + logFile + ":uptimenanos";
    }

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns\\] (\\S+) source: (.*)$");

    /**
     * @param firstPoll  process start to first poll; the JVM's uptime starts a few milliseconds after the process,
     *                   so a class loaded right at the boundary may be counted on the wrong side
     * @param firstReply process start to first response; classes after it (warm requests, shutdown) are not counted
     */
    static ClassLoadProfile read(Path logFile, Duration firstPoll, Duration firstReply) {
        Map<String, Integer> boot = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(logFile)) {
            lines.forEach(line -> {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    return;
                }
                long at = Long.parseLong(m.group(1));
                if (at <= firstPoll.toNanos()) {
                    boot.merge(library(m.group(2), m.group(3)), 1, Integer::sum);
                } else if (at <= firstReply.toNanos()) {
                    first.merge(library(m.group(2), m.group(3)), 1, Integer::sum);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassLoadProfile(boot, first);
    }

    /**
     * Where a class comes from, by its name rather than its jar (a function zip holds one jar): "JDK" for the JDK's
     * own classes, "generated" for lambdas, proxies and other classes defined at run time, else the first three parts
     * of its package, e.g. "software.amazon.awssdk", "io.quarkus.qute", "io.tierline.core".
     */
    static String library(String className, String source) {
        if (source.startsWith("shared objects file") || source.startsWith("jrt:/")) {
            return "JDK";
        }
        if (source.startsWith("__") || className.contains("$$Lambda") || className.contains("/0x")) {
            return "generated";
        }
        String[] parts = className.split("\\.");
        if (parts.length == 1) {
            return "(default package)";
        }
        return String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    int bootClasses() {
        return boot.values().stream().mapToInt(Integer::intValue).sum();
    }

    int firstRequestClasses() {
        return firstRequest.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The libraries that loaded most classes in the first request, e.g. "software.amazon.awssdk 2031". */
    List<String> topFirstRequest(int count) {
        return top(firstRequest, count);
    }

    List<String> topBoot(int count) {
        return top(boot, count);
    }

    private static List<String> top(Map<String, Integer> counts, int count) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toList());
    }
}
