package io.tierline.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/**
 * What every function (the api, the workers) must keep to as an adapter of the core (docs/architecture.md,
 * "Packages and what they may use"); each function's architecture test checks its own classes against these.
 */
public final class AdapterRules {
    public static final ArchRule REACHES_THE_AWS_ADAPTERS_ONLY_THROUGH_WIRING = noClasses().should()
            .dependOnClassesThat().resideInAPackage("io.tierline.core.aws..")
            .because("functions use the core's ports, which wiring binds to DynamoDB and SQS;"
                    + " a function that named an adapter could not run against another one");

    public static final ArchRule TAKES_TIME_FROM_THE_CLOCK_OR_THE_EVENT = noClasses().should()
            .callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time is data: tests set the clock, and a worker's now comes from its event");

    private AdapterRules() {
    }
}
