package io.tierline.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The emulated AWS services, in this JVM, on loopback: DynamoDB Local and ElasticMQ (SQS). Knows the local
 * physical names of the template's resources once {@link #createResources} has run, and so can resolve
 * {@code !Ref}/{@code !GetAtt}/{@code !Sub} in function environments.
 */
public final class LocalAws implements AutoCloseable, ResourceAttributes {

    /**
     * @param dynamoDbPort 0 for a free port
     * @param sqsPort      0 for a free port
     * @param identityPort 0 for a free port: the stand-in for the template's Cognito user pools
     * @param dataDir      folder that keeps DynamoDB data, queued SQS messages (and local secrets) between runs, or
     *                     null for in memory
     */
    public record Options(int dynamoDbPort, int sqsPort, int identityPort, Path dataDir) {

        /** Free ports, in memory: what tests want. */
        public static Options ephemeral() {
            return new Options(0, 0, 0, null);
        }
    }

    static final String SIGNIN_MODE = "TIERLINE_SIGNIN_MODE";
    static final String SIGNIN_ENDPOINT = "TIERLINE_SIGNIN_ENDPOINT";
    static final String AUTH_AUDIENCE = "TIERLINE_AUTH_AUDIENCE";

    private final DynamoDbLocalServer dynamoDbServer;
    private final ElasticMqServer sqsServer;
    private final LocalIdentity identity;
    private final LocalSecrets secrets;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private volatile SamTemplate template;
    private volatile Map<String, String> queueUrls = Map.of();

    private LocalAws(DynamoDbLocalServer dynamoDbServer, ElasticMqServer sqsServer, LocalIdentity identity,
                     LocalSecrets secrets) {
        this.dynamoDbServer = dynamoDbServer;
        this.sqsServer = sqsServer;
        this.identity = identity;
        this.secrets = secrets;
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(dynamoDbServer.endpoint())
                .region(Region.of(LocalAccount.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.sqs = SqsClient.builder()
                .endpointOverride(sqsServer.endpoint())
                .region(Region.of(LocalAccount.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static LocalAws start(Options options) {
        // Both spend seconds loading classes on a cold JVM: start them side by side.
        CompletableFuture<ElasticMqServer> sqs = CompletableFuture.supplyAsync(
                () -> ElasticMqServer.start(options.sqsPort(), options.dataDir()));
        DynamoDbLocalServer dynamoDb;
        try {
            dynamoDb = DynamoDbLocalServer.start(options.dynamoDbPort(), options.dataDir());
        } catch (RuntimeException e) {
            sqs.thenAccept(ElasticMqServer::close);
            throw e;
        }
        try {
            return new LocalAws(dynamoDb, sqs.join(), LocalIdentity.start(options.identityPort()),
                    new LocalSecrets(options.dataDir()));
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY));
    }

    /** Creates the template's tables (unless kept from an earlier run) and queues. Call once per LocalAws. */
    public synchronized void createResources(SamTemplate template) {
        identity.register(template);
        TableCreator tables = new TableCreator(dynamoDb);
        template.tables().values().forEach(tables::create);
        this.queueUrls = Collections.unmodifiableMap(new QueueCreator(sqs).createAll(template.queues().values()));
        this.template = template;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    /** A client for DynamoDB Local with the local credentials; owned by this LocalAws, do not close it. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A client for ElasticMQ with the local credentials; owned by this LocalAws, do not close it. */
    public SqsClient sqs() {
        return sqs;
    }

    public SamTemplate template() {
        if (template == null) {
            throw new IllegalStateException("createResources(template) has not run yet");
        }
        return template;
    }

    /** Queue URL by logical id, for every queue of the template. */
    public Map<String, String> queueUrls() {
        return queueUrls;
    }

    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("No local queue " + logicalId + "; queues: " + queueUrls.keySet());
        }
        return url;
    }

    public String queueArn(String logicalId) {
        return QueueCreator.arn(template().queue(logicalId));
    }

    public String tableName(String logicalId) {
        return template().table(logicalId).physicalName();
    }

    /** Table name by logical id, for every table of the template. */
    public Map<String, String> tableNames() {
        Map<String, String> names = new LinkedHashMap<>();
        template().tables().values().forEach(t -> names.put(t.logicalId(), t.physicalName()));
        return Collections.unmodifiableMap(names);
    }

    public IntrinsicResolver resolver() {
        return new IntrinsicResolver(template(), this);
    }

    /** The function's Environment.Variables (Globals merged) with every intrinsic resolved to local values. */
    public Map<String, String> environmentOf(FunctionDefinition function) {
        IntrinsicResolver resolver = resolver();
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            try {
                String resolved = resolver.resolveToString(value);
                if (resolved != null) {
                    environment.put(name, secrets.resolveDynamicReferences(resolved));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(function.logicalId() + " environment variable " + name + ": "
                        + e.getMessage(), e);
            }
        });
        signInLocally(environment);
        return Collections.unmodifiableMap(environment);
    }

    /**
     * The dashboard's sign-in endpoint is Cognito's regional API in AWS; locally it is the stand-in's token endpoint
     * for demo users, for the pool of the configured app client (TIERLINE_AUTH_AUDIENCE).
     */
    private void signInLocally(Map<String, String> environment) {
        if (environment.containsKey(SIGNIN_ENDPOINT) && identity.hasPools()) {
            environment.put(SIGNIN_MODE, "local");
            environment.put(SIGNIN_ENDPOINT, identity.tokenEndpoint(environment.getOrDefault(AUTH_AUDIENCE, "")));
        }
    }

    /** The stand-in for the template's Cognito user pools. */
    public LocalIdentity identity() {
        return identity;
    }

    @Override
    public String ref(String logicalId) {
        SamTemplate current = template();
        if (current.identity().userPools().contains(logicalId)) {
            return LocalIdentity.poolId(logicalId);
        }
        if (current.identity().userPoolClients().containsKey(logicalId)) {
            return logicalId;
        }
        if (current.identity().secrets().contains(logicalId)) {
            return LocalAccount.arn("secretsmanager", "secret:" + logicalId);
        }
        if (current.tables().containsKey(logicalId)) {
            return tableName(logicalId);
        }
        if (current.queues().containsKey(logicalId)) {
            return queueUrl(logicalId);
        }
        if (current.functions().containsKey(logicalId)) {
            return logicalId;
        }
        return null;
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        SamTemplate current = template();
        if (current.tables().containsKey(logicalId)) {
            String table = tableName(logicalId);
            return switch (attribute) {
                case "Arn" -> LocalAccount.arn("dynamodb", "table/" + table);
                case "StreamArn" -> LocalAccount.arn("dynamodb", "table/" + table + "/stream/local");
                default -> null;
            };
        }
        if (current.queues().containsKey(logicalId)) {
            return switch (attribute) {
                case "Arn" -> queueArn(logicalId);
                case "QueueName" -> current.queue(logicalId).physicalName();
                case "QueueUrl" -> queueUrl(logicalId);
                default -> null;
            };
        }
        if (current.identity().userPools().contains(logicalId)) {
            return switch (attribute) {
                case "ProviderURL" -> identity.issuer(logicalId);
                case "Arn" -> LocalAccount.arn("cognito-idp", "userpool/" + LocalIdentity.poolId(logicalId));
                default -> null;
            };
        }
        if (current.functions().containsKey(logicalId) && "Arn".equals(attribute)) {
            return current.function(logicalId).arn();
        }
        return null;
    }

    /** Stops both emulators; DynamoDB data and queued SQS messages stay only in a data folder. */
    @Override
    public void close() {
        identity.close();
        dynamoDb.close();
        sqs.close();
        try {
            sqsServer.close();
        } finally {
            dynamoDbServer.close();
        }
    }
}
