package io.tierline.core.wiring;

import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The correlation fields of the JSON log lines (docs/operations.md): the handlers (TierlineApiHandler, TierlineFunqyHandler) set the function and Lambda's
 * request id for one invocation, the worker functions and the api's ticket routes add the message and the ticket they work on; all are cleared
 * after each invocation, so a warm instance never logs the last ticket's id for the next one. Ids only, never an
 * address, a text or a token.
 */
public final class LogContext {
    static final String FUNCTION = "function";
    static final String REQUEST_ID = "requestId";
    static final String MESSAGE_ID = "messageId";
    static final String TICKET_ID = "ticketId";
    static final String ESCALATION = "escalation";
    static final String LEVEL = "level";

    private LogContext() {
    }

    public static void invocation(String function, String requestId) {
        MDC.clear();
        putIfPresent(FUNCTION, function);
        putIfPresent(REQUEST_ID, requestId);
    }

    /** A batch's records are handled one after the other: each starts without the previous one's ids. */
    public static void message(String messageId) {
        MDC.remove(TICKET_ID);
        MDC.remove(ESCALATION);
        MDC.remove(LEVEL);
        putIfPresent(MESSAGE_ID, messageId);
    }

    public static void ticket(Object ticketId) {
        putIfPresent(TICKET_ID, ticketId == null ? null : ticketId.toString());
    }

    public static void escalation(int sequence, int level) {
        MDC.put(ESCALATION, Integer.toString(sequence));
        MDC.put(LEVEL, Integer.toString(level));
    }

    /** This thread's correlation fields, for a thread that works on the same invocation ({@link #adopt}). */
    public static Map<String, String> snapshot() {
        Map<String, String> fields = new HashMap<>();
        MDC.getMap().forEach((key, value) -> fields.put(key, String.valueOf(value)));
        return Map.copyOf(fields);
    }

    /** Takes over an invocation's fields on the thread that serves it (the api's routes run off the handler's thread). */
    public static void adopt(Map<String, String> fields) {
        MDC.clear();
        fields.forEach(MDC::put);
    }

    public static void clear() {
        MDC.clear();
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }
}
