package io.tierline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The template's HTTP API on one loopback port: every HttpApi route of every function, matched and turned into
 * payload 2.0 events as API Gateway does.
 */
public final class HttpApiGateway implements AutoCloseable {

    /** API Gateway's request payload limit. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** API Gateway's maximum integration timeout. */
    static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    private final HttpRoutes<Invocable> routes;
    private final HttpServer server;

    private HttpApiGateway(int port, HttpRoutes<Invocable> routes) {
        this.routes = routes;
        this.server = LoopbackHttp.start(port, "http-api", http -> http.createContext("/", this::handle));
    }

    /** @param functions the functions whose HttpApi events make the routes, by logical id */
    public static HttpApiGateway start(int port, Map<String, ? extends Invocable> functions, SamTemplate template) {
        HttpRoutes<Invocable> routes = new HttpRoutes<>();
        template.functions().values().forEach(function -> function.events(FunctionEvent.HttpApi.class)
                .forEach(event -> routes.add(event.routeKey(), functions.get(function.logicalId()))));
        return new HttpApiGateway(port, routes);
    }

    public URI url() {
        return LoopbackHttp.baseUrl(server);
    }

    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            send(exchange, respond(exchange));
        } finally {
            exchange.close();
        }
    }

    private ApiGatewayV2Response respond(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Optional<HttpRoutes.Match<Invocable>> route = routes.match(exchange.getRequestMethod(), uri.getRawPath());
        if (route.isEmpty()) {
            return ApiGatewayV2Response.notFound();
        }
        byte[] body;
        try {
            body = LoopbackHttp.readBody(exchange, MAX_BODY_BYTES);
        } catch (LoopbackHttp.BodyTooLarge e) {
            return ApiGatewayV2Response.payloadTooLarge();
        }
        HttpApiRequest request = new HttpApiRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol(), Instant.now());
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
        byte[] event = Json.bytes(ApiGatewayV2Event.build(request, route.get(), requestId));
        try {
            return ApiGatewayV2Response.from(route.get().target().invoke(event)
                    .get(INTEGRATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return ApiGatewayV2Response.serviceUnavailable();
        } catch (ExecutionException e) {
            return ApiGatewayV2Response.internalServerError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiGatewayV2Response.serviceUnavailable();
        }
    }

    private static void send(HttpExchange exchange, ApiGatewayV2Response response) throws IOException {
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        LoopbackHttp.send(exchange, response.statusCode(), response.body());
    }

    @Override
    public void close() {
        LoopbackHttp.stop(server);
    }
}
