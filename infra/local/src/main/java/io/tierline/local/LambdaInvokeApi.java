package io.tierline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) for the local functions, so that
 * {@code aws lambda invoke --endpoint-url ...} and SDK clients work against them.
 */
public final class LambdaInvokeApi implements AutoCloseable {

    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");
    /** Lambda's payload limits: synchronous and asynchronous invocations. */
    private static final long MAX_SYNC_PAYLOAD = 6L * 1024 * 1024;
    private static final long MAX_ASYNC_PAYLOAD = 256L * 1024;

    private final Map<String, ? extends Invocable> functions;
    private final Consumer<String> log;
    private final HttpServer server;

    private LambdaInvokeApi(int port, Map<String, ? extends Invocable> functions, Consumer<String> log) {
        this.functions = Map.copyOf(functions);
        this.log = log;
        this.server = LoopbackHttp.start(port, "lambda-api", http -> http.createContext("/", this::handle));
    }

    /** @param functions by function name, which locally is the logical id */
    public static LambdaInvokeApi start(int port, Map<String, ? extends Invocable> functions, Consumer<String> log) {
        return new LambdaInvokeApi(port, functions, log);
    }

    public URI url() {
        return LoopbackHttp.baseUrl(server);
    }

    /** "TriageFunction", "TriageFunction:$LATEST", "...:function:TriageFunction[:qualifier]" → "TriageFunction". */
    static String functionName(String nameOrArn) {
        String name = nameOrArn;
        int function = name.indexOf("function:");
        if (function >= 0) {
            name = name.substring(function + "function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Matcher path = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                error(exchange, 404, "UnknownOperationException", "Unknown operation "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                return;
            }
            String requested = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            Invocable function = functions.get(functionName(requested));
            if (function == null) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: "
                        + (requested.startsWith("arn:") ? requested : LocalAccount.arn("lambda", "function:" + requested)));
                return;
            }
            invoke(exchange, functionName(requested), function);
        } finally {
            exchange.close();
        }
    }

    private void invoke(HttpExchange exchange, String name, Invocable function) throws IOException {
        String invocationType = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
        boolean async = "Event".equals(invocationType);
        byte[] payload;
        try {
            payload = LoopbackHttp.readBody(exchange, async ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD);
        } catch (LoopbackHttp.BodyTooLarge e) {
            error(exchange, 413, "RequestEntityTooLargeException", e.getMessage());
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        if ("DryRun".equals(invocationType)) {
            LoopbackHttp.send(exchange, 204, null);
            return;
        }
        if (async) {
            function.invoke(payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload)
                    .whenComplete((result, failure) -> {
                        if (failure != null || result.isError()) {
                            log.accept("[" + name + "] asynchronous invocation failed: " + (failure != null ? failure : result));
                        }
                    });
            LoopbackHttp.send(exchange, 202, null);
            return;
        }
        InvocationResult result;
        try {
            result = function.invoke(payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload).get();
        } catch (ExecutionException e) {
            error(exchange, 500, "ServiceException", String.valueOf(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 500, "ServiceException", "interrupted");
            return;
        }
        headers.set("X-Amz-Executed-Version", "$LATEST");
        if (result.isError()) {
            headers.set("X-Amz-Function-Error", "Unhandled");
        }
        headers.set("Content-Type", "application/json");
        LoopbackHttp.send(exchange, 200, result.payload());
    }

    /** The error shape of the Lambda API: an x-amzn-ErrorType header and a JSON body with Type and message. */
    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        LoopbackHttp.sendJson(exchange, status, Map.of("Type", "User", "message", message));
    }

    @Override
    public void close() {
        LoopbackHttp.stop(server);
    }
}
