package io.tierline.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** DynamoDB Local, in this JVM, on a loopback port; in memory or keeping its data in a folder. */
final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port    0 for a free one
     * @param dataDir null to keep everything in memory
     */
    static DynamoDbLocalServer start(int port, Path dataDir) {
        int attempts = port == 0 ? 3 : 1;
        for (int attempt = 1; ; attempt++) {
            int chosen = FreePort.orFree(port);
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments(chosen, dataDir));
                bindToLoopbackOnly(server);
                server.start();
                return new DynamoDbLocalServer(server, chosen);
            } catch (Exception e) {
                // A free port picked by us may be taken by someone else before Jetty binds it: pick again.
                if (attempt >= attempts) {
                    throw new IllegalStateException("DynamoDB Local did not start on port " + chosen + ": " + e, e);
                }
            }
        }
    }

    private static String[] arguments(int port, Path dataDir) throws Exception {
        // -sharedDb: one database whatever region/keys a client uses, so every local process sees the same tables.
        List<String> arguments = new ArrayList<>(List.of("-port", String.valueOf(port), "-sharedDb", "-disableTelemetry"));
        if (dataDir == null) {
            arguments.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            arguments.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        return arguments.toArray(String[]::new);
    }

    /** DynamoDB Local has no host option and would listen on every interface; narrow its Jetty connector. */
    private static void bindToLoopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(FreePort.LOOPBACK.getHostAddress());
            }
        }
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://" + FreePort.LOOPBACK.getHostAddress() + ":" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("DynamoDB Local did not stop cleanly: " + e);
        }
    }
}
