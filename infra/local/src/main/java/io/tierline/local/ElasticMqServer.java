package io.tierline.local;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, an SQS-compatible server, in this JVM on a loopback port. Messages live in memory only. */
final class ElasticMqServer implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port 0 for a free one */
    static ElasticMqServer start(int port) {
        var builder = SQSRestServerBuilder
                .withInterface(FreePort.LOOPBACK.getHostAddress())
                .withAWSRegion(LocalAccount.REGION)
                .withAWSAccountId(LocalAccount.ACCOUNT_ID);
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int boundPort = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqServer(server, boundPort);
    }

    int port() {
        return port;
    }

    URI endpoint() {
        return URI.create("http://" + FreePort.LOOPBACK.getHostAddress() + ":" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
