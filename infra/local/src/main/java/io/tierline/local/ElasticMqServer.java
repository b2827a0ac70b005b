package io.tierline.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scalikejdbc.ConnectionPool;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ, an SQS-compatible server, in this JVM on a loopback port. Without a data folder messages live in memory
 * only; with one, queues and messages are kept in an H2 database there (ElasticMQ's own {@code messages-storage}),
 * written before SQS answers a send, receive or delete, so a restart (or a crash) loses no queued message.
 */
final class ElasticMqServer implements AutoCloseable {

    /** The H2 database under the data folder. */
    static final String DATABASE = "elasticmq";
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * ElasticMQ's SQL store talks to scalikejdbc's one JVM-wide connection pool: one kept ElasticMQ at a time per
     * JVM, and the pool is pointed at its folder before each start.
     */
    private static final AtomicReference<Path> KEPT_IN = new AtomicReference<>();

    private final SQSRestServer server;
    private final ActorSystem actors;
    private final Path dataDir;
    private final int port;

    private ElasticMqServer(SQSRestServer server, ActorSystem actors, Path dataDir, int port) {
        this.server = server;
        this.actors = actors;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** @param port 0 for a free one */
    static ElasticMqServer start(int port) {
        return start(port, null);
    }

    /**
     * @param port    0 for a free one
     * @param dataDir folder that keeps queues and messages between runs, or null for in memory
     */
    static ElasticMqServer start(int port, Path dataDir) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder
                .withInterface(FreePort.LOOPBACK.getHostAddress())
                .withAWSRegion(LocalAccount.REGION)
                .withAWSAccountId(LocalAccount.ACCOUNT_ID);
        builder = port == 0 ? builder.withDynamicPort() : builder.withPort(port);
        if (dataDir == null) {
            SQSRestServer server = builder.start();
            return new ElasticMqServer(server, null, null, server.waitUntilStarted().localAddress().getPort());
        }
        Path folder = dataDir.toAbsolutePath().normalize();
        if (!KEPT_IN.compareAndSet(null, folder)) {
            throw new IllegalStateException("ElasticMQ already keeps its messages in " + KEPT_IN.get()
                    + "; this JVM can keep one data folder's messages at a time");
        }
        ActorSystem actors = null;
        try {
            Files.createDirectories(folder);
            String url = "jdbc:h2:file:" + folder.resolve(DATABASE) + ";WRITE_DELAY=0";
            ConnectionPoolSettings settings = ConnectionPool.singleton$default$4();
            ConnectionPool.singleton(url, "", "", settings, ConnectionPool.singleton$default$5(url, "", "", settings));
            actors = ActorSystem.create("elasticmq");
            // What ElasticMQ's own server does with messages-storage enabled: the SQL store listens to every queue
            // event, and the queue manager waits for it before answering.
            ActorRef store = actors.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false),
                    scala.collection.immutable.Nil$.MODULE$));
            ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    builder.sqsLimits(), scala.Option.apply(store)));
            Object restored = Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (restored instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException("ElasticMQ cannot restore the queues kept in " + folder + ": "
                        + errors.value());
            }
            SQSRestServer server = builder.withActorSystem(actors).withQueueManagerActor(queues)
                    .withQueueEventListener(store).start();
            return new ElasticMqServer(server, actors, folder, server.waitUntilStarted().localAddress().getPort());
        } catch (Exception e) {
            if (actors != null) {
                actors.terminate();
            }
            ConnectionPool.closeAll();
            KEPT_IN.set(null);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("ElasticMQ cannot keep its messages in " + folder + ": " + e, e);
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
        server.stopAndWait();
        if (actors != null) {
            try {
                actors.terminate();
                actors.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("ElasticMQ's actors did not stop: " + e);
            } finally {
                ConnectionPool.closeAll();
                KEPT_IN.compareAndSet(dataDir, null);
            }
        }
    }
}
