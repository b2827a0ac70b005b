package io.tierline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Picks the java binary for a Lambda runtime name such as {@code java25}, from the JDKs installed here. */
final class JavaRuntimes {

    /** The chosen binary and, when it is not the version asked for, why. */
    record Choice(Path java, int version, String warning) {
    }

    private record Jdk(Path home, int version) {
        Path java() {
            return home.resolve("bin/java");
        }

        boolean isTemurin() {
            return home.getFileName().toString().startsWith("temurin-");
        }
    }

    private static final Pattern RUNTIME = Pattern.compile("java(\\d+)(\\..*)?");
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(1\\.)?(\\d+)");

    private final Path jvmFolder;
    private final Path currentJavaHome;

    JavaRuntimes(Path jvmFolder, Path currentJavaHome) {
        this.jvmFolder = jvmFolder;
        this.currentJavaHome = currentJavaHome;
    }

    static JavaRuntimes system() {
        return new JavaRuntimes(Path.of("/usr/lib/jvm"), Path.of(System.getProperty("java.home")));
    }

    /**
     * The JDK of exactly the runtime's version (Temurin preferred), else the oldest newer one, else the running
     * java with a warning.
     */
    Choice choose(String runtime) {
        Matcher matcher = RUNTIME.matcher(runtime == null ? "" : runtime);
        Jdk current = new Jdk(currentJavaHome, versionOf(currentJavaHome).orElse(Runtime.version().feature()));
        if (!matcher.matches()) {
            return new Choice(current.java(), current.version(), "Runtime " + runtime
                    + " is not a Java runtime; using the running java " + current.version());
        }
        int wanted = Integer.parseInt(matcher.group(1));
        List<Jdk> installed = new ArrayList<>(installedJdks());
        installed.add(current);
        Optional<Jdk> exact = installed.stream().filter(jdk -> jdk.version() == wanted)
                .min(Comparator.comparing((Jdk jdk) -> !jdk.isTemurin()).thenComparing(jdk -> jdk.home().toString()));
        if (exact.isPresent()) {
            return new Choice(exact.get().java(), wanted, null);
        }
        Optional<Jdk> newer = installed.stream().filter(jdk -> jdk.version() > wanted)
                .min(Comparator.comparingInt(Jdk::version));
        if (newer.isPresent()) {
            return new Choice(newer.get().java(), newer.get().version(), "No JDK " + wanted + " found; using JDK "
                    + newer.get().version() + " from " + newer.get().home());
        }
        return new Choice(current.java(), current.version(), "No JDK " + wanted + " or newer under " + jvmFolder
                + "; using the running java " + current.version() + " (" + currentJavaHome + ")");
    }

    private List<Jdk> installedJdks() {
        if (!Files.isDirectory(jvmFolder)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(jvmFolder)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .flatMap(home -> versionOf(home).map(version -> new Jdk(home, version)).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Integer> versionOf(Path home) {
        Path release = home.resolve("release");
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(2))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
