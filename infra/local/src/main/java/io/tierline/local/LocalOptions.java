package io.tierline.local;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to start the local system.
 *
 * @param template        the SAM template
 * @param httpPort        HTTP API port; 0 picks a free one (likewise for the other ports)
 * @param dataDir         folder that keeps DynamoDB data and queued SQS messages between runs, or null for in memory
 * @param codeWorkFolder  where function zips are unpacked
 * @param schedules       whether Schedule/ScheduleV2 events fire on their own (they can always be fired on demand)
 * @param functionLog     receives each output line of the functions, prefixed with {@code [LogicalId] }
 * @param policyFile      a policy document every function reads instead of the bundled one, or null
 * @param aotCache        whether function processes use JDK 25's AOT cache, recorded by their first start
 *                        ({@link AotCache}); local only, never in what deploys
 */
public record LocalOptions(Path template, int httpPort, int lambdaPort, int dynamoDbPort, int sqsPort, int identityPort,
                           Path dataDir,
                           Path codeWorkFolder, boolean schedules, Consumer<String> functionLog,
                           Path policyFile, boolean aotCache) {

    public static final int DEFAULT_HTTP_PORT = 3000;
    public static final int DEFAULT_LAMBDA_PORT = 3001;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_SQS_PORT = 9324;
    public static final int DEFAULT_IDENTITY_PORT = 3002;

    /** The command line's defaults: fixed well-known ports, in memory, schedules on, logs to standard output. */
    public static LocalOptions defaults(Path template) {
        return new LocalOptions(template, DEFAULT_HTTP_PORT, DEFAULT_LAMBDA_PORT, DEFAULT_DYNAMODB_PORT, DEFAULT_SQS_PORT,
                DEFAULT_IDENTITY_PORT, null, FunctionCode.defaultWorkFolder(), true, System.out::println, null, true);
    }

    /**
     * What tests want: free ports everywhere, in memory; schedules on, logs to standard output; no AOT cache (each
     * test's first start would record one and write it at the end, which costs a test run more than it saves).
     */
    public static LocalOptions ephemeral(Path template) {
        return defaults(template).withPorts(0, 0, 0, 0).withIdentityPort(0).withAotCache(false);
    }

    public LocalOptions withTemplate(Path template) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    public LocalOptions withPorts(int httpPort, int lambdaPort, int dynamoDbPort, int sqsPort) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    /** The local stand-in for the template's Cognito user pools (issuer, JWKS, demo tokens). */
    public LocalOptions withIdentityPort(int identityPort) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir,
                codeWorkFolder, schedules, functionLog, policyFile, aotCache);
    }

    public LocalOptions withDataDir(Path dataDir) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    public LocalOptions withCodeWorkFolder(Path codeWorkFolder) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    public LocalOptions withSchedules(boolean schedules) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    public LocalOptions withFunctionLog(Consumer<String> functionLog) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir, codeWorkFolder, schedules,
                functionLog, policyFile, aotCache);
    }

    /** Every function reads this policy document (TIERLINE_POLICY_FILE) instead of the bundled one. */
    public LocalOptions withPolicyFile(Path policyFile) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir,
                codeWorkFolder, schedules, functionLog, policyFile == null ? null : policyFile.toAbsolutePath(), aotCache);
    }

    public LocalOptions withAotCache(boolean aotCache) {
        return new LocalOptions(template, httpPort, lambdaPort, dynamoDbPort, sqsPort, identityPort, dataDir,
                codeWorkFolder, schedules, functionLog, policyFile, aotCache);
    }
}
