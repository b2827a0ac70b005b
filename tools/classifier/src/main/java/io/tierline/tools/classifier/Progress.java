package io.tierline.tools.classifier;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Progress lines for a long run: each stage, and every tenth of a counted task with its elapsed time. */
public final class Progress {

    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(OutputStream.nullOutputStream()));
    }

    public void stage(String message) {
        out.println("» " + message);
    }

    public void detail(String message) {
        out.println("  " + message);
    }

    public Task task(String name, int total) {
        return new Task(name, total);
    }

    /** A counted piece of work; {@link #advance()} may be called from several threads. */
    public final class Task {

        private final String name;
        private final int total;
        private final long startedNanos = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();

        private Task(String name, int total) {
            this.name = name;
            this.total = total;
        }

        public void advance() {
            int now = done.incrementAndGet();
            int tenth = Math.max(1, total / 10);
            if (now % tenth == 0 || now == total) {
                synchronized (out) {
                    out.printf(Locale.ROOT, "  %-24s %6d/%d  %3d%%  %6.1f s%n", name, now, total,
                            100L * now / Math.max(1, total), (System.nanoTime() - startedNanos) / 1e9);
                }
            }
        }
    }
}
