package io.tierline.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What one invocation of a function produced: its response payload, or a function error (errorType plus the error
 * JSON the runtime reported, as Lambda returns it to a synchronous caller).
 *
 * @param errorType null on success; e.g. "java.lang.IllegalStateException", "Sandbox.Timedout", "Runtime.ExitError"
 */
public record InvocationResult(byte[] payload, String errorType) {

    public static final String TIMED_OUT = "Sandbox.Timedout";
    public static final String RUNTIME_EXITED = "Runtime.ExitError";

    public static InvocationResult success(byte[] payload) {
        return new InvocationResult(payload, null);
    }

    public static InvocationResult failure(String errorType, byte[] errorJson) {
        return new InvocationResult(errorJson, errorType == null || errorType.isBlank() ? "Unhandled" : errorType);
    }

    /** An error the runtime posted: the type named in its JSON (the exception class), else the header's. */
    static InvocationResult reportedError(byte[] errorJson, String headerErrorType) {
        String errorType = headerErrorType;
        try {
            String fromJson = Json.read(errorJson).path("errorType").asText("");
            if (!fromJson.isBlank()) {
                errorType = fromJson;
            }
        } catch (IllegalArgumentException e) {
            // not JSON: keep the header's type
        }
        return failure(errorType, errorJson);
    }

    static InvocationResult timedOut(String requestId, Duration timeout) {
        return failure(TIMED_OUT, String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
                requestId, timeout.toMillis() / 1000.0));
    }

    static InvocationResult runtimeExited(String requestId, String detail) {
        return failure(RUNTIME_EXITED, "RequestId: " + requestId + " Error: Runtime exited " + detail);
    }

    private static InvocationResult failure(String errorType, String message) {
        return failure(errorType, Json.bytes(Map.of("errorType", errorType, "errorMessage", message)));
    }

    /** An error's {@code errorMessage} (what the function threw says), or the whole payload when it has none. */
    public String errorMessage() {
        try {
            String message = Json.read(payload).path("errorMessage").asText("");
            return message.isBlank() ? payloadText() : message;
        } catch (IllegalArgumentException e) {
            return payloadText(); // not JSON
        }
    }

    public boolean isError() {
        return errorType != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (isError() ? "error " + errorType + ": " : "success: ") + payloadText();
    }
}
