package io.tierline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The JDK's HTTP server on the loopback interface, and the few exchange helpers every local endpoint needs. */
final class LoopbackHttp {

    /** Thrown by {@link #readBody} when a request body is larger than allowed. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    /**
     * The JDK's server leaves Nagle's algorithm on for the sockets it accepts. It writes a response's headers and
     * its body separately, so the body waited for the client's delayed acknowledgement of the headers: about 40 ms
     * on Linux, on every Runtime API answer to a function's runtime and so on every local invocation (a GET of a
     * static page through the gateway took 74-87 ms, 13-17 ms with this). Read once, when the JDK's server
     * configuration loads, so it is set before the first server starts; a value given on the command line stays.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private LoopbackHttp() {
    }

    /**
     * A started server whose handlers run on their own daemon threads (a long-polling handler must not hold up
     * others).
     *
     * @param port 0 for a free one
     */
    static HttpServer start(int port, String name, Consumer<HttpServer> routes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(FreePort.LOOPBACK, port), 0);
            server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.named(name)));
            routes.accept(server);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on " + FreePort.LOOPBACK.getHostAddress() + ":" + port, e);
        }
    }

    static void stop(HttpServer server) {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    static URI baseUrl(HttpServer server) {
        return URI.create("http://" + FreePort.LOOPBACK.getHostAddress() + ":" + server.getAddress().getPort());
    }

    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (body.size() + (long) read > limit) {
                    throw new BodyTooLarge(limit);
                }
                body.write(buffer, 0, read);
            }
            return body.toByteArray();
        }
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        return readBody(exchange, Long.MAX_VALUE);
    }

    /** Sends status and body (no body for HEAD, 204 and 304) and closes the exchange. */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean bodyless = body == null || body.length == 0 || status == 204 || status == 304
                || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void sendJson(HttpExchange exchange, int status, Object json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : Json.bytes(json));
    }
}
