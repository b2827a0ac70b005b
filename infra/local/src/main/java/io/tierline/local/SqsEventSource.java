package io.tierline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: polls one queue, hands batches to the function and deletes what it processed.
 * One batch at a time, which is Lambda with a maximum concurrency of one.
 */
public final class SqsEventSource implements AutoCloseable {

    /** Short long-polls, so that stopping never waits long for a receive to return. */
    private static final int IDLE_WAIT_SECONDS = 2;
    private static final int SQS_MAX_BATCH = 10;

    private final FunctionEvent.Sqs event;
    private final String functionId;
    private final Invocable function;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final Consumer<String> log;
    private final Thread poller;
    private volatile boolean running = true;

    private SqsEventSource(FunctionEvent.Sqs event, String functionId, Invocable function, SqsClient sqs, String queueUrl,
                           String queueArn, Consumer<String> log) {
        this.event = event;
        this.functionId = functionId;
        this.function = function;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.log = log;
        this.poller = DaemonThreads.named(functionId + "-" + event.name() + "-sqs").newThread(this::pollUntilClosed);
    }

    public static SqsEventSource start(FunctionEvent.Sqs event, String functionId, Invocable function, LocalAws aws,
                                       Consumer<String> log) {
        SqsEventSource source = new SqsEventSource(event, functionId, function, aws.sqs(),
                aws.queueUrl(event.queueLogicalId()), aws.queueArn(event.queueLogicalId()), log);
        source.poller.start();
        return source;
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                List<Message> batch = collectBatch();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.accept("[" + functionId + "] SQS event source " + event.name() + ": " + e);
                    pause(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Fills a batch up to BatchSize, waiting at most MaximumBatchingWindowInSeconds after the first message. */
    private List<Message> collectBatch() {
        List<Message> batch = new ArrayList<>();
        Instant windowEnd = null;
        while (running && batch.size() < event.batchSize()) {
            int waitSeconds = IDLE_WAIT_SECONDS;
            if (windowEnd != null) {
                long leftMillis = Duration.between(Instant.now(), windowEnd).toMillis();
                if (leftMillis <= 0) {
                    break;
                }
                waitSeconds = (int) Math.min(20, Math.max(1, (leftMillis + 999) / 1000));
            }
            int wait = waitSeconds;
            int wanted = Math.min(SQS_MAX_BATCH, event.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(wanted)
                    .waitTimeSeconds(wait).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            addReplacingRedeliveries(batch, received);
            if (batch.isEmpty()) {
                continue;
            }
            if (windowEnd == null) {
                windowEnd = Instant.now().plusSeconds(event.maximumBatchingWindowInSeconds());
            }
            if (event.maximumBatchingWindowInSeconds() == 0 || received.isEmpty()) {
                break;
            }
        }
        return batch;
    }

    /**
     * A message whose visibility timeout ran out during the batching window comes again with a new receipt handle,
     * which invalidates the old one: keep one entry per message, with the newest handle.
     */
    private static void addReplacingRedeliveries(List<Message> batch, List<Message> received) {
        for (Message message : received) {
            batch.removeIf(earlier -> earlier.messageId().equals(message.messageId()));
            batch.add(message);
        }
    }

    private void deliver(List<Message> batch) throws InterruptedException {
        InvocationResult result;
        try {
            result = function.invoke(Json.bytes(SqsEventPayload.build(batch, queueArn))).get();
        } catch (ExecutionException e) {
            result = InvocationResult.failure("Local.InvokeFailed", Json.bytes(Map.of(
                    "errorMessage", String.valueOf(e.getCause()))));
        }
        Set<String> keep = BatchItemFailures.messagesToKeep(result,
                batch.stream().map(Message::messageId).toList(), event.reportsBatchItemFailures());
        if (result.isError()) {
            log.accept("[" + functionId + "] SQS batch of " + batch.size() + " failed (" + result.errorType()
                    + "); the messages return after the visibility timeout");
        }
        delete(batch.stream().filter(message -> !keep.contains(message.messageId())).toList());
    }

    private void delete(List<Message> processed) {
        for (int start = 0; start < processed.size(); start += SQS_MAX_BATCH) {
            List<Message> chunk = processed.subList(start, Math.min(processed.size(), start + SQS_MAX_BATCH));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            var response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(failure -> log.accept("[" + functionId + "] could not delete a processed message: "
                    + failure.message()));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the poller to stop without waiting for it, so that several sources can wind down together. */
    void stopPolling() {
        running = false;
        poller.interrupt();
    }

    /** Stops polling; a batch still being processed is left undeleted, so it returns to the queue as on Lambda. */
    @Override
    public void close() {
        stopPolling();
        try {
            poller.join(Duration.ofSeconds(IDLE_WAIT_SECONDS + 3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
