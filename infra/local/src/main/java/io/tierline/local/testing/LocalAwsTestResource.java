package io.tierline.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tierline.local.FunctionDefinition;
import io.tierline.local.LocalAccount;
import io.tierline.local.LocalAws;
import io.tierline.local.LocalSystem;
import io.tierline.local.ProjectRoot;
import io.tierline.local.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Quarkus test resource: DynamoDB Local and ElasticMQ on free loopback ports, in memory, with the tables and
 * queues of the project's template.yaml, and the Quarkus configuration that points the AWS clients at them, plus
 * the template Environment of the function named by init arg {@value #FUNCTION_ARG}.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = LocalAwsTestResource.class,
 *         initArgs = @ResourceArg(name = "function", value = "TriageFunction"))
 * }</pre>
 */
public class LocalAwsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String FUNCTION_ARG = "function";
    /** Config key prefix of each queue's URL by logical id: {@code tierline.local.queue.TriageQueue}. */
    public static final String QUEUE_URL_PREFIX = "tierline.local.queue.";
    /** Config key prefix of each table's name by logical id: {@code tierline.local.table.TicketsTable}. */
    public static final String TABLE_NAME_PREFIX = "tierline.local.table.";

    private static volatile LocalAws running;

    private String function;
    private LocalAws aws;

    /** The emulators of the test resource that is running now, e.g. for its DynamoDB and SQS clients. */
    public static LocalAws localAws() {
        LocalAws current = running;
        if (current == null) {
            throw new IllegalStateException("No LocalAwsTestResource is running");
        }
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        function = initArgs.get(FUNCTION_ARG);
    }

    @Override
    public Map<String, String> start() {
        SamTemplate template = SamTemplate.load(ProjectRoot.templateFile());
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        try {
            aws.createResources(template);
            running = aws;
            return config(template);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    private Map<String, String> config(SamTemplate template) {
        Map<String, String> config = new LinkedHashMap<>();
        if (function != null) {
            FunctionDefinition definition = template.function(function);
            aws.environmentOf(definition).forEach((name, value) -> {
                if (!"JAVA_TOOL_OPTIONS".equals(name)) {
                    config.put(configKey(name), value);
                }
            });
        }
        // Test resource config outranks application.properties: without this, the template's Lambda switch to JSON
        // log lines would reach every Quarkus test (what the local runner replaces too).
        LocalSystem.localLogEnvironment(System.getenv()).forEach((name, value) -> config.put(configKey(name), value));
        client(config, "dynamodb", aws.dynamoDbEndpoint().toString());
        client(config, "sqs", aws.sqsEndpoint().toString());
        aws.queueUrls().forEach((id, url) -> config.put(QUEUE_URL_PREFIX + id, url));
        aws.tableNames().forEach((id, name) -> config.put(TABLE_NAME_PREFIX + id, name));
        return config;
    }

    private static void client(Map<String, String> config, String service, String endpoint) {
        String prefix = "quarkus." + service + ".";
        config.put(prefix + "endpoint-override", endpoint);
        config.put(prefix + "aws.region", LocalAccount.REGION);
        config.put(prefix + "aws.credentials.type", "static");
        config.put(prefix + "aws.credentials.static-provider.access-key-id", LocalAccount.ACCESS_KEY_ID);
        config.put(prefix + "aws.credentials.static-provider.secret-access-key", LocalAccount.SECRET_ACCESS_KEY);
    }

    /** TIERLINE_QUEUE_TRIAGE → tierline.queue.triage, as the function's environment variable would be read. */
    public static String configKey(String environmentVariable) {
        return environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    @Override
    public void stop() {
        if (aws != null) {
            if (running == aws) {
                running = null;
            }
            aws.close();
            aws = null;
        }
    }
}
