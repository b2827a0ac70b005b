package io.tierline.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The template's HTTP API on one loopback port: every HttpApi route of every function, matched and turned into
 * payload 2.0 events as API Gateway does.
 *
 * <p>Served by Jetty (already here for DynamoDB Local) rather than the JDK's HTTP server, because API Gateway's
 * refusals need what the JDK server cannot give: it drops the connection on too many headers instead of answering
 * 431, reads a declared body before anyone can refuse it, and answers its own 400s and 404s with HTML. Here the
 * header limit is Jetty's, a declared body over the limit is refused before a byte of it is read, and every refusal,
 * Jetty's own included, is API Gateway's JSON {@code {"message": "..."}}.
 */
public final class HttpApiGateway implements AutoCloseable {

    /** API Gateway HTTP API's request payload limit (a quota that cannot be raised). */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** API Gateway HTTP API's "total combined size of request line and header values". */
    static final int MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;
    /** API Gateway's maximum integration timeout. */
    static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
    /** The methods an HTTP API route can name; {@code ANY} means these. */
    static final Set<String> ROUTE_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final HttpRoutes<Invocable> routes;
    private final Server server;

    private HttpApiGateway(int port, HttpRoutes<Invocable> routes) {
        this.routes = routes;
        this.server = startServer(port);
    }

    /** @param functions the functions whose HttpApi events make the routes, by logical id */
    public static HttpApiGateway start(int port, Map<String, ? extends Invocable> functions, SamTemplate template) {
        return start(port, functions, template, Map.of());
    }

    /** @param localRoutes the runner's own routes beside the template's (the metrics listing), by route key */
    public static HttpApiGateway start(int port, Map<String, ? extends Invocable> functions, SamTemplate template,
                                       Map<String, Invocable> localRoutes) {
        HttpRoutes<Invocable> routes = new HttpRoutes<>();
        template.functions().values().forEach(function -> function.events(FunctionEvent.HttpApi.class)
                .forEach(event -> routes.add(event.routeKey(), functions.get(function.logicalId()))));
        localRoutes.forEach(routes::add);
        return start(port, routes);
    }

    static HttpApiGateway start(int port, HttpRoutes<Invocable> routes) {
        return new HttpApiGateway(port, routes);
    }

    private Server startServer(int port) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http-api");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_LINE_AND_HEADER_BYTES);
        http.setSendServerVersion(false);
        // The path goes to the function as sent (rawPath); API Gateway does not refuse %2F or // in it either.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(FreePort.LOOPBACK.getHostAddress());
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setErrorHandler(new JsonErrors());
        // refuses a declared Content-Length over the limit with 413 before the body is read
        SizeLimitHandler payloadLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
        payloadLimit.setHandler(new Front());
        jetty.setHandler(payloadLimit);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("http-api cannot listen on " + FreePort.LOOPBACK.getHostAddress() + ":"
                    + port, e);
        }
        return jetty;
    }

    public URI url() {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("http://" + FreePort.LOOPBACK.getHostAddress() + ":" + port);
    }

    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    /** Routes each request to its function; answers without blocking a server thread while the function runs. */
    private final class Front extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            CompletableFuture<ApiGatewayV2Response> answer;
            try {
                answer = respond(request, response);
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(ApiGatewayV2Response.internalServerError());
            }
            answer.whenComplete((result, failure) -> send(response,
                    failure == null ? result : ApiGatewayV2Response.internalServerError(), callback));
            return true;
        }
    }

    private CompletableFuture<ApiGatewayV2Response> respond(Request request, Response response) {
        String method = request.getMethod();
        if (!ROUTE_METHODS.contains(method)) {
            response.getHeaders().put("Allow", String.join(", ", ROUTE_METHODS.stream().sorted().toList()));
            return CompletableFuture.completedFuture(ApiGatewayV2Response.error(405));
        }
        HttpURI uri = request.getHttpURI();
        Optional<HttpRoutes.Match<Invocable>> route;
        try {
            route = routes.match(method, uri.getPath());
        } catch (IllegalArgumentException badEscape) {
            return CompletableFuture.completedFuture(ApiGatewayV2Response.error(400));
        }
        if (route.isEmpty()) {
            return CompletableFuture.completedFuture(ApiGatewayV2Response.notFound());
        }
        byte[] body;
        try {
            body = readBody(request);
        } catch (BodyTooLarge e) {
            return CompletableFuture.completedFuture(ApiGatewayV2Response.payloadTooLarge());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(ApiGatewayV2Response.error(400));
        }
        HttpApiRequest apiRequest = new HttpApiRequest(new HttpApiRequest.Target(method, uri.getPath(), uri.getQuery()),
                headers(request), body, new HttpApiRequest.Peer(Request.getRemoteAddr(request),
                        request.getConnectionMetaData().getProtocol(), Instant.now()));
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put("Apigw-Requestid", requestId);
        byte[] event;
        try {
            event = Json.bytes(ApiGatewayV2Event.build(apiRequest, route.get(), requestId));
        } catch (IllegalArgumentException badQueryEscape) {
            return CompletableFuture.completedFuture(ApiGatewayV2Response.error(400));
        }
        return route.get().target().invoke(event)
                .orTimeout(INTEGRATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    if (failure == null) {
                        return ApiGatewayV2Response.from(result);
                    }
                    return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
                            ? ApiGatewayV2Response.serviceUnavailable() : ApiGatewayV2Response.internalServerError();
                });
    }

    /** Thrown when a body without a declared length turns out larger than allowed. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** A declared length over the limit never gets here (SizeLimitHandler answers 413 first); a chunked one may. */
    private static byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
            return body;
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static void send(Response response, ApiGatewayV2Response answer, Callback callback) {
        response.setStatus(answer.statusCode());
        answer.headers().forEach(header -> response.getHeaders().add(header.getKey(), header.getValue()));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /**
     * Every refusal Jetty makes itself (a header block over the limit, a malformed request line, header or URI, a
     * declared body over the limit) answered as API Gateway does: its status with {@code {"message": "..."}}.
     */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            String reason = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
            send(response, ApiGatewayV2Response.refusal(status, reason), callback);
            return true;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Stopping the HTTP API failed", e);
        }
    }
}
