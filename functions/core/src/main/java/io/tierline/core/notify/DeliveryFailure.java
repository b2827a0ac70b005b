package io.tierline.core.notify;

/**
 * A channel could not deliver. Transient failures (a receiver answering 500, a timeout, SES throttling) are retried
 * with backoff; permanent ones (no such channel, no address, a missing setting, SES refusing the message) go to the
 * dead-letter queue at once, since retrying cannot help.
 */
public class DeliveryFailure extends Exception {
    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure transientFailure(String message) {
        return new DeliveryFailure(message, false);
    }

    public static DeliveryFailure permanentFailure(String message) {
        return new DeliveryFailure(message, true);
    }

    public boolean permanent() {
        return permanent;
    }
}
