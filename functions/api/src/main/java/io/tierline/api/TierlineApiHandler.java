package io.tierline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import io.tierline.core.wiring.LogContext;
import io.tierline.core.wiring.StartFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The api Lambda's handler (template.yaml): Funqy's, which hands API Gateway's event to {@link HttpApiFunction}, and
 * whose start failure names its cause (a bad policy). Lambda calls {@code handleRequest} by name: implementing
 * RequestStreamHandler would make Quarkus's build take this class for a second handler of the function.
 */
public class TierlineApiHandler {
    private final RequestStreamHandler funqy = StartFailure.reported(FunqyStreamHandler::new);

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext.invocation(context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId());
        try {
            funqy.handleRequest(input, output, context);
        } finally {
            LogContext.clear();
        }
    }
}
