package io.tierline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import io.tierline.core.wiring.LogContext;
import io.tierline.core.wiring.StartFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The api Lambda's handler (template.yaml): Quarkus's, whose start failure names its cause (a bad policy).
 * Lambda calls {@code handleRequest} by name: implementing RequestStreamHandler would make Quarkus's build take
 * this class for a second handler of the function.
 */
public class TierlineApiHandler {
    private final RequestStreamHandler quarkus = StartFailure.reported(QuarkusStreamHandler::new);
    /** Lambda gives an instance one invocation at a time, so the routes' thread can take its fields from here. */
    private static volatile Map<String, String> invocation = Map.of();

    static Map<String, String> currentInvocation() {
        return invocation;
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext.invocation(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId());
        invocation = LogContext.snapshot();
        try {
            quarkus.handleRequest(input, output, context);
        } finally {
            LogContext.clear();
            invocation = Map.of();
        }
    }
}
