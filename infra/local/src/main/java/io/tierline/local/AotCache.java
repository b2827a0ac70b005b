package io.tierline.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * JDK 25's ahead-of-time cache (JEP 483, 515) for one function's local processes: the first process of a function's
 * code records the classes it loads and links and the methods it profiles, and writes that configuration when it
 * exits; the next start creates the cache from it, and every start after that maps the cache instead of loading,
 * verifying and linking the same classes again. (The JDK's one-step {@code -XX:AOTCacheOutput} creates the cache in a
 * child JVM as the recording process exits, which the local runner's shutdown cut short: two steps it is.)
 * <p>
 * Local only: the cache lives in the work folder beside the unpacked zip ({@link FunctionCode}), so a rebuilt zip
 * gets a fresh one and nothing of it is in what deploys (on AWS, SnapStart's snapshot does this job).
 * The JDK caches classes of its built-in loaders only, so the function's own classes go on the class path too, where
 * the runtime interface client's loader finds them first by delegation. A cache that no longer matches is ignored by
 * the JVM (it starts without it), never an error.
 */
final class AotCache {

    static final int MIN_JDK = 25;

    private final Path taskRoot;
    private final Path folder;
    private final Path file;
    private final Path configuration;
    private final Path partial;

    private AotCache(Path taskRoot, Path folder, String logicalId) {
        this.taskRoot = taskRoot;
        this.folder = folder;
        this.file = folder.resolve(logicalId + ".aot");
        this.configuration = folder.resolve(logicalId + ".aotconf");
        this.partial = folder.resolve(logicalId + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".partial");
    }

    /** The cache of {@code logicalId}'s processes on {@code taskRoot}, in a folder beside the task root. */
    static AotCache of(Path taskRoot, String logicalId) {
        Path folder = taskRoot.resolveSibling(taskRoot.getFileName() + ".aot");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
        return new AotCache(taskRoot, folder, logicalId);
    }

    /** Whether this process records (neither cache nor configuration yet) rather than uses a cache. */
    boolean training() {
        return !Files.isRegularFile(file) && !Files.isRegularFile(configuration);
    }

    /** Whether a recorded configuration waits to become the cache ({@link #create}). */
    boolean creatable() {
        return !Files.isRegularFile(file) && Files.isRegularFile(configuration);
    }

    /** The JVM options for this process: use the cache, or record a configuration into a partial file. */
    List<String> jvmOptions() {
        return training()
                ? List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + partial, "-Xlog:aot*=error,cds*=error")
                : List.of("-XX:AOTCache=" + file, "-Xlog:aot*=error,cds*=error");
    }

    /**
     * Creates the cache from the recorded configuration, with the same JVM, class path and environment the function
     * runs with (a cache is valid only for those); a failure leaves no cache and the function starts without one.
     *
     * @param jvm the function's java command up to its class path (no main class)
     *
     * @return whether the cache exists now
     */
    boolean create(List<String> jvm, Map<String, String> environment, Consumer<String> log) {
        List<String> command = new ArrayList<>(jvm.subList(0, 1));
        command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
                "-XX:AOTCache=" + partial, "-Xlog:aot*=error,cds*=error"));
        command.addAll(jvm.subList(1, jvm.size()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process creating = builder.start();
            String output = new String(creating.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (creating.waitFor() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            log.accept("AOT cache not created (the function starts without): " + output.strip());
        } catch (IOException e) {
            log.accept("AOT cache not created (the function starts without): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(configuration); // record again next time rather than fail again
        } catch (IOException e) {
            // best effort
        }
        return false;
    }

    /**
     * The task root's own classes (packed into a jar: the JDK caches classes from jars only) and then its jars, as the
     * runtime interface client orders them, in a fixed order: a cache is valid only for the class path it was made with.
     */
    String functionClassPath() {
        List<String> entries = new ArrayList<>(List.of(rootClassesJar().toString()));
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString).sorted().forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The task root without lib/, as a jar made once per unpacked zip (Quarkus puts its generated and transformed
     * classes there, ahead of the jars they override).
     */
    private Path rootClassesJar() {
        Path jar = folder.resolve("task-root.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path partialJar = folder.resolve("task-root-" + System.nanoTime() + ".partial");
        try (Stream<Path> files = Files.walk(taskRoot);
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partialJar))) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = taskRoot.relativize(path).toString().replace(File.separatorChar, '/');
                if (name.startsWith("lib/") || name.startsWith(".")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                Files.copy(path, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack the classes of " + taskRoot, e);
        }
        try {
            Files.move(partialJar, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /**
     * After a recording process exited: its configuration becomes the function's (the JVM writes it at exit; a
     * process that was killed leaves none). Renamed into place, so a concurrent start never reads a half-written file.
     */
    void processExited() {
        try {
            if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, configuration, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // best effort: the next start records again
        }
    }
}
