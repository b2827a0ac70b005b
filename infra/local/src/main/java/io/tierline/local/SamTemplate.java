package io.tierline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a SAM template that the local world is built from: the sections its values are resolved against,
 * DynamoDB tables, SQS queues and serverless functions with their events, and the identity resources (Cognito user
 * pools and clients, secrets). Other resource types are ignored.
 *
 * @param file the template file (absolute); CodeUri values are resolved against its folder
 */
public record SamTemplate(Path file, Sections sections, Resources resources) {

    /** The template's Metadata key with settings for local runs only. */
    public static final String LOCAL_METADATA = "TierlineLocal";

    /**
     * @param parameterDefaults the value each parameter takes locally: its Default, or its local value (see
     *                          {@link #LOCAL_METADATA})
     * @param conditions        the Conditions section, unevaluated
     * @param mappings          the Mappings section
     */
    public record Sections(Map<String, Object> parameterDefaults, Map<String, Object> conditions,
                           Map<String, Object> mappings) {
        public Sections {
            parameterDefaults = readOnly(parameterDefaults);
            conditions = readOnly(conditions);
            mappings = readOnly(mappings);
        }
    }

    /** The emulated resources by logical id. */
    public record Resources(Map<String, TableDefinition> tables, Map<String, QueueDefinition> queues,
                            Map<String, FunctionDefinition> functions, Identity identity) {
        public Resources {
            tables = readOnly(tables);
            queues = readOnly(queues);
            functions = readOnly(functions);
        }
    }

    /** Who signs in and what is kept secret: Cognito user pools and their clients, Secrets Manager secrets. */
    public record Identity(Map<String, UserPoolClientDefinition> userPoolClients, Set<String> userPools,
                           Set<String> secrets) {
        public Identity {
            userPoolClients = readOnly(userPoolClients);
            userPools = Set.copyOf(userPools);
            secrets = Set.copyOf(secrets);
        }
    }

    public Map<String, TableDefinition> tables() {
        return resources.tables();
    }

    public Map<String, QueueDefinition> queues() {
        return resources.queues();
    }

    public Map<String, FunctionDefinition> functions() {
        return resources.functions();
    }

    public Identity identity() {
        return resources.identity();
    }

    public static SamTemplate load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return parse(Files.readString(absolute), absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SAM template " + absolute, e);
        }
    }

    /** @param file where the text came from; its folder is the base of relative CodeUri values */
    public static SamTemplate parse(String yaml, Path file) {
        YamlObject root = YamlObject.of("template", CfnYaml.parse(yaml));
        YamlObject resources = root.object("Resources");
        TemplateReferences references = new TemplateReferences(queueLogicalIdsByName(resources));
        YamlObject functionGlobals = root.object("Globals").object("Function");

        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        Map<String, QueueDefinition> queues = new LinkedHashMap<>();
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        Map<String, UserPoolClientDefinition> userPoolClients = new LinkedHashMap<>();
        Set<String> userPools = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        resources.values().forEach((logicalId, value) -> {
            YamlObject resource = YamlObject.of(logicalId, value);
            YamlObject properties = resource.object("Properties");
            switch (resource.string("Type", "")) {
                case "AWS::DynamoDB::Table" -> tables.put(logicalId, TableDefinition.parse(logicalId, properties));
                case "AWS::SQS::Queue" -> queues.put(logicalId, QueueDefinition.parse(logicalId, properties, references));
                case "AWS::Serverless::Function" -> functions.put(logicalId,
                        parseFunction(logicalId, properties, functionGlobals, file.getParent(), references));
                case "AWS::Cognito::UserPool" -> userPools.add(logicalId);
                case "AWS::Cognito::UserPoolClient" -> userPoolClients.put(logicalId,
                        UserPoolClientDefinition.parse(logicalId, properties));
                case "AWS::SecretsManager::Secret" -> secrets.add(logicalId);
                default -> { /* not emulated locally */ }
            }
        });
        Sections sections = new Sections(parameterDefaults(root.object("Parameters"), root.object("Metadata")),
                root.object("Conditions").values(), root.object("Mappings").values());
        return new SamTemplate(file, sections, new Resources(tables, queues, functions,
                new Identity(userPoolClients, userPools, secrets)));
    }

    public TableDefinition table(String logicalId) {
        return require(tables(), logicalId, "table");
    }

    public QueueDefinition queue(String logicalId) {
        return require(queues(), logicalId, "queue");
    }

    public FunctionDefinition function(String logicalId) {
        return require(functions(), logicalId, "function");
    }

    private static <T> T require(Map<String, T> resources, String logicalId, String kind) {
        T resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("The template has no " + kind + " named " + logicalId
                    + "; it has " + resources.keySet());
        }
        return resource;
    }

    private static Map<String, String> queueLogicalIdsByName(YamlObject resources) {
        Map<String, String> ids = new LinkedHashMap<>();
        resources.values().forEach((logicalId, value) -> {
            YamlObject resource = YamlObject.of(logicalId, value);
            if ("AWS::SQS::Queue".equals(resource.literal("Type"))) {
                ids.put(logicalId, logicalId);
                String name = resource.object("Properties").literal("QueueName");
                if (name != null) {
                    ids.put(name, logicalId);
                }
            }
        });
        return ids;
    }

    /**
     * Each parameter's Default, except where the template's {@code Metadata.TierlineLocal.ParameterValues} names a
     * value for local runs: what cannot leave this machine (SES email) is switched to its local stand-in there, in
     * the template itself, so the runner and the tests built from the template agree.
     */
    private static Map<String, Object> parameterDefaults(YamlObject parameters, YamlObject metadata) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        parameters.values().forEach((name, value) -> {
            Object defaultValue = YamlObject.of(name, value).raw("Default");
            if (defaultValue != null) {
                defaults.put(name, defaultValue);
            }
        });
        metadata.object(LOCAL_METADATA).object("ParameterValues").values().forEach((name, value) -> {
            if (!parameters.has(name)) {
                throw new IllegalArgumentException("Metadata." + LOCAL_METADATA + ".ParameterValues." + name
                        + ": the template has no such parameter");
            }
            defaults.put(name, value);
        });
        return defaults;
    }

    private static FunctionDefinition parseFunction(String logicalId, YamlObject properties, YamlObject globals,
                                                    Path templateFolder, TemplateReferences references) {
        YamlObject merged = mergeGlobals(globals, properties);
        String codeUri = merged.literal("CodeUri");
        return new FunctionDefinition(
                logicalId,
                codeUri == null ? null : templateFolder.resolve(codeUri).normalize(),
                merged.literal("Handler"),
                merged.literal("Runtime"),
                merged.integer("Timeout", 3),
                merged.integer("MemorySize", 128),
                mergedEnvironment(globals, properties),
                parseEvents(logicalId, properties.object("Events"), references));
    }

    /** Function properties win over Globals.Function, as SAM does for scalar properties. */
    private static YamlObject mergeGlobals(YamlObject globals, YamlObject properties) {
        Map<String, Object> merged = new LinkedHashMap<>(globals.values());
        merged.putAll(properties.values());
        return new YamlObject(properties.where(), merged);
    }

    /** SAM merges Environment.Variables key by key, the function's value winning. */
    private static Map<String, Object> mergedEnvironment(YamlObject globals, YamlObject properties) {
        Map<String, Object> variables = new LinkedHashMap<>(globals.object("Environment").object("Variables").values());
        variables.putAll(properties.object("Environment").object("Variables").values());
        return variables;
    }

    private static List<FunctionEvent> parseEvents(String functionId, YamlObject events, TemplateReferences references) {
        List<FunctionEvent> parsed = new ArrayList<>();
        events.values().forEach((name, value) -> {
            YamlObject event = YamlObject.of(functionId + ".Events." + name, value);
            YamlObject properties = event.object("Properties");
            switch (event.string("Type", "")) {
                case "HttpApi" -> parsed.add(httpApiEvent(name, properties));
                case "SQS" -> parsed.add(sqsEvent(functionId, name, properties, references));
                case "Schedule" -> parsed.add(new FunctionEvent.Schedule(name, FunctionEvent.Schedule.Kind.EVENTBRIDGE_RULE,
                        properties.literal("Schedule"), properties.raw("Input"), "UTC",
                        properties.bool("Enabled", true) && !"DISABLED".equals(properties.literal("State"))));
                case "ScheduleV2" -> parsed.add(new FunctionEvent.Schedule(name,
                        FunctionEvent.Schedule.Kind.EVENTBRIDGE_SCHEDULER, properties.literal("ScheduleExpression"),
                        properties.raw("Input"), properties.string("ScheduleExpressionTimezone", "UTC"),
                        !"DISABLED".equals(properties.literal("State"))));
                default -> { /* not emulated locally */ }
            }
        });
        return parsed;
    }

    private static FunctionEvent.HttpApi httpApiEvent(String name, YamlObject properties) {
        String path = properties.literal("Path");
        String method = properties.string("Method", "ANY").toUpperCase(Locale.ROOT);
        return new FunctionEvent.HttpApi(name, path == null ? FunctionEvent.HttpApi.DEFAULT_ROUTE : path,
                "X-AMAZON-APIGATEWAY-ANY-METHOD".equals(method) ? "ANY" : method);
    }

    private static FunctionEvent.Sqs sqsEvent(String functionId, String name, YamlObject properties,
                                              TemplateReferences references) {
        String queue = references.queueLogicalId(properties.raw("Queue"));
        if (queue == null) {
            throw new IllegalArgumentException(functionId + ".Events." + name
                    + ".Queue must point at a queue of this template, found: " + properties.raw("Queue"));
        }
        return new FunctionEvent.Sqs(name, queue, properties.integer("BatchSize", 10),
                properties.integer("MaximumBatchingWindowInSeconds", 0),
                properties.strings("FunctionResponseTypes"), properties.bool("Enabled", true));
    }

    private static <T> Map<String, T> readOnly(Map<String, T> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
