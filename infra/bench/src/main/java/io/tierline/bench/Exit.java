package io.tierline.bench;

/** Ends a benchmark's JVM once its figures are printed. */
final class Exit {
    private Exit() {
    }

    /**
     * DynamoDB Local leaves a non-daemon job thread (its shard rollover scheduler) sleeping for minutes after it is
     * stopped, which would keep the JVM alive long after the benchmark finished.
     */
    static void now(int status) {
        System.out.flush();
        System.exit(status);
    }
}
