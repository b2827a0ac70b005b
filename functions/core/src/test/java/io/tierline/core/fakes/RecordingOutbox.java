package io.tierline.core.fakes;

import io.tierline.core.message.Message;
import io.tierline.core.port.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Outbox} that keeps what was sent, each message visible from the instant its delay ends (the set clock's
 * now plus the delay in whole seconds, as SqsOutbox asks SQS for it). Requests are counted as SQS counts them: up to ten
 * messages a batch. {@link #failing(boolean)} makes every send throw, as an unreachable queue does.
 */
public final class RecordingOutbox implements Outbox {
    private static final int BATCH = 10;

    /** A message and the instant it becomes visible. */
    public record Sent(Message message, Instant visibleAt) {
    }

    private final Clock clock;
    private final List<Sent> waiting = new ArrayList<>();
    private final List<Sent> all = new ArrayList<>();
    private boolean failing;

    public RecordingOutbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void publish(Message message) {
        publishDelayed(List.of(new Delayed(message, Duration.ZERO)));
    }

    @Override
    public synchronized int publishDelayed(List<Delayed> messages) {
        if (failing) {
            throw new IllegalStateException("the queue cannot be reached");
        }
        for (Delayed d : messages) {
            Sent sent = new Sent(d.message(), clock.instant().plusSeconds(delaySeconds(d.delay())));
            waiting.add(sent);
            all.add(sent);
        }
        return (messages.size() + BATCH - 1) / BATCH;
    }

    /** As SqsOutbox sends it: whole seconds rounded up (never early), none for what is overdue, at most 15 minutes. */
    private static long delaySeconds(Duration delay) {
        long seconds = delay.isNegative() ? 0 : (delay.toMillis() + 999) / 1000;
        return Math.min(Duration.ofMinutes(15).toSeconds(), seconds);
    }

    /** Takes (removes) the messages of this type visible by {@code now}, in the order they were sent. */
    public synchronized <T extends Message> List<T> take(Class<T> type, Instant now) {
        return takeAny(List.of(type), now).stream().map(type::cast).toList();
    }

    /** Takes the messages of any of these types visible by {@code now}, in the order they were sent (one queue). */
    public synchronized List<Message> takeAny(List<Class<? extends Message>> types, Instant now) {
        List<Message> taken = new ArrayList<>();
        for (Iterator<Sent> it = waiting.iterator(); it.hasNext(); ) {
            Sent s = it.next();
            if (types.stream().anyMatch(t -> t.isInstance(s.message())) && !s.visibleAt().isAfter(now)) {
                taken.add(s.message());
                it.remove();
            }
        }
        return taken;
    }

    /** When the next message of these types not taken yet becomes visible. */
    public synchronized Optional<Instant> nextVisible(List<Class<? extends Message>> types) {
        return waiting.stream().filter(s -> types.stream().anyMatch(t -> t.isInstance(s.message())))
                .map(Sent::visibleAt).min(Instant::compareTo);
    }

    /** Everything ever sent of this type, taken or not. */
    public synchronized <T extends Message> List<Sent> sent(Class<T> type) {
        return all.stream().filter(s -> type.isInstance(s.message())).toList();
    }
}
