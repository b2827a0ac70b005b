package io.tierline.core.port;

import io.tierline.core.message.Message;
import java.time.Duration;
import java.util.List;

/** Messages to other parts of Tierline (queues in AWS). Consumers are idempotent, so a repeat is harmless. */
public interface Outbox {
    void publish(Message message);

    /**
     * Sends each message to arrive after its own delay (at most 15 minutes, SQS's limit), in as few requests as the
     * transport allows.
     *
     * @return how many requests it took
     */
    int publishDelayed(List<Delayed> messages);

    record Delayed(Message message, Duration delay) {
    }
}
