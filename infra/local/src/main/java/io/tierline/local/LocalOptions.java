package io.tierline.local;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to start the local system: the SAM template, the ports it listens on, where state is kept, whether schedules
 * fire on their own, and how the function processes run. The accessors of the parts' fields on the options
 * themselves are conveniences for the runner's many readers.
 *
 * @param template  the SAM template
 * @param dataDir   folder that keeps DynamoDB data and queued SQS messages between runs, or null for in memory
 * @param schedules whether Schedule/ScheduleV2 events fire on their own (they can always be fired on demand)
 */
public record LocalOptions(Path template, Ports ports, Path dataDir, boolean schedules, Functions functions) {

    public static final int DEFAULT_HTTP_PORT = 3000;
    public static final int DEFAULT_LAMBDA_PORT = 3001;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_SQS_PORT = 9324;
    public static final int DEFAULT_IDENTITY_PORT = 3002;

    /**
     * Where each endpoint listens; 0 picks a free port.
     *
     * @param identity the local stand-in for the template's Cognito user pools (issuer, JWKS, demo tokens)
     */
    public record Ports(int http, int lambda, int dynamoDb, int sqs, int identity) {
        static final Ports DEFAULTS = new Ports(DEFAULT_HTTP_PORT, DEFAULT_LAMBDA_PORT, DEFAULT_DYNAMODB_PORT,
                DEFAULT_SQS_PORT, DEFAULT_IDENTITY_PORT);
    }

    /**
     * How the function processes run.
     *
     * @param codeWorkFolder where function zips are unpacked
     * @param log            receives each output line of the functions, prefixed with {@code [LogicalId] }
     * @param policyFile     a policy document every function reads instead of the bundled one, or null
     * @param aotCache       whether function processes use JDK 25's AOT cache, recorded by their first start
     *                       ({@link AotCache}); local only, never in what deploys
     */
    public record Functions(Path codeWorkFolder, Consumer<String> log, Path policyFile, boolean aotCache) {
    }

    /** The command line's defaults: fixed well-known ports, in memory, schedules on, logs to standard output. */
    public static LocalOptions defaults(Path template) {
        return new LocalOptions(template, Ports.DEFAULTS, null, true,
                new Functions(FunctionCode.defaultWorkFolder(), System.out::println, null, true));
    }

    /**
     * What tests want: free ports everywhere, in memory; schedules on, logs to standard output; no AOT cache (each
     * test's first start would record one and write it at the end, which costs a test run more than it saves).
     */
    public static LocalOptions ephemeral(Path template) {
        return defaults(template).withPorts(0, 0, 0, 0).withIdentityPort(0).withAotCache(false);
    }

    public LocalOptions withTemplate(Path template) {
        return new LocalOptions(template, ports, dataDir, schedules, functions);
    }

    public LocalOptions withPorts(int httpPort, int lambdaPort, int dynamoDbPort, int sqsPort) {
        return withPorts(new Ports(httpPort, lambdaPort, dynamoDbPort, sqsPort, ports.identity()));
    }

    public LocalOptions withIdentityPort(int identityPort) {
        return withPorts(new Ports(ports.http(), ports.lambda(), ports.dynamoDb(), ports.sqs(), identityPort));
    }

    private LocalOptions withPorts(Ports next) {
        return new LocalOptions(template, next, dataDir, schedules, functions);
    }

    public LocalOptions withDataDir(Path dataDir) {
        return new LocalOptions(template, ports, dataDir, schedules, functions);
    }

    public LocalOptions withSchedules(boolean schedules) {
        return new LocalOptions(template, ports, dataDir, schedules, functions);
    }

    public LocalOptions withCodeWorkFolder(Path codeWorkFolder) {
        return withFunctions(new Functions(codeWorkFolder, functions.log(), functions.policyFile(),
                functions.aotCache()));
    }

    public LocalOptions withFunctionLog(Consumer<String> functionLog) {
        return withFunctions(new Functions(functions.codeWorkFolder(), functionLog, functions.policyFile(),
                functions.aotCache()));
    }

    /** Every function reads this policy document (TIERLINE_POLICY_FILE) instead of the bundled one. */
    public LocalOptions withPolicyFile(Path policyFile) {
        return withFunctions(new Functions(functions.codeWorkFolder(), functions.log(),
                policyFile == null ? null : policyFile.toAbsolutePath(), functions.aotCache()));
    }

    public LocalOptions withAotCache(boolean aotCache) {
        return withFunctions(new Functions(functions.codeWorkFolder(), functions.log(), functions.policyFile(),
                aotCache));
    }

    private LocalOptions withFunctions(Functions next) {
        return new LocalOptions(template, ports, dataDir, schedules, next);
    }

    // ---- the parts' fields, for the many readers -----------------------------------------------------------------

    public int httpPort() {
        return ports.http();
    }

    public int lambdaPort() {
        return ports.lambda();
    }

    public int dynamoDbPort() {
        return ports.dynamoDb();
    }

    public int sqsPort() {
        return ports.sqs();
    }

    public int identityPort() {
        return ports.identity();
    }

    public Path codeWorkFolder() {
        return functions.codeWorkFolder();
    }

    public Consumer<String> functionLog() {
        return functions.log();
    }

    public Path policyFile() {
        return functions.policyFile();
    }

    public boolean aotCache() {
        return functions.aotCache();
    }
}
