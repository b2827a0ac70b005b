package io.tierline.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs external tools (aws, cfn-lint) from tests. */
final class CommandLine {

    record Result(int exitCode, String output) {
    }

    private CommandLine() {
    }

    static boolean onPath(String command) {
        return !allOnPath(command).isEmpty();
    }

    /** Every distinct executable of that name on the PATH (and among the extra places given), real paths. */
    static List<Path> allOnPath(String command, Path... extraPlaces) {
        String path = System.getenv("PATH");
        Stream<Path> onPath = path == null ? Stream.empty()
                : Stream.of(path.split(File.pathSeparator)).map(folder -> Path.of(folder, command));
        return Stream.concat(onPath, Stream.of(extraPlaces))
                .filter(Files::isExecutable)
                .map(CommandLine::realPath)
                .distinct()
                .toList();
    }

    /** pyenv shims all resolve to one script; following links tells real installations apart. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    static Result run(Duration timeout, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
