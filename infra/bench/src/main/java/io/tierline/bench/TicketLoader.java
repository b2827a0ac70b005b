package io.tierline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loads many items quickly: BatchWriteItem of 25 (DynamoDB's limit) on several threads, each thread making its
 * items as it goes so that 100,000 of them never sit in memory at once. Unprocessed items (throttling) are sent
 * again after a growing pause.
 */
final class TicketLoader {
    static final int BATCH = 25;
    private static final int ATTEMPTS = 10;

    /** What loading took. */
    record Loaded(int items, int requests, Duration took) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final int threads;

    TicketLoader(DynamoDbClient dynamo, String table, int threads) {
        this.dynamo = dynamo;
        this.table = table;
        this.threads = threads;
    }

    Loaded load(int count, IntFunction<Map<String, AttributeValue>> itemOf) {
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(BATCH); from < count; from = next.getAndAdd(BATCH)) {
                        List<WriteRequest> batch = new ArrayList<>();
                        for (int i = from; i < Math.min(count, from + BATCH); i++) {
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(itemOf.apply(i))
                                    .build()).build());
                        }
                        requests.addAndGet(write(batch));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Loaded(count, requests.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** @return the requests it took */
    private int write(List<WriteRequest> batch) throws InterruptedException {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> sent = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sent)));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
            if (pending.isEmpty()) {
                return attempt;
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " items still unprocessed after " + ATTEMPTS
                        + " attempts");
            }
            Thread.sleep(10L << attempt);
        }
    }
}
