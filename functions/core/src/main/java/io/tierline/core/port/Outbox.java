package io.tierline.core.port;

import io.tierline.core.message.Message;

/** Messages to other parts of Tierline (queues in AWS). Consumers are idempotent, so a repeat is harmless. */
public interface Outbox {
    void publish(Message message);
}
