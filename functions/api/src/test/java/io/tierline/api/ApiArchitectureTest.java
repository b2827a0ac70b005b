package io.tierline.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tierline.core.testing.AdapterRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The api function is an adapter (docs/architecture.md, "Packages and what they may use"). */
class ApiArchitectureTest {
    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierline.api");

    @Test
    void reachesTheAwsAdaptersOfTheCoreOnlyThroughWiring() {
        AdapterRules.REACHES_THE_AWS_ADAPTERS_ONLY_THROUGH_WIRING.check(API);
    }

    /**
     * No HTTP server at run time (issue 13): the function routes API Gateway's events itself, so nothing of the api
     * may reach Vert.x, Netty's HTTP, RESTEasy Reactive's server or Quarkus's Lambda HTTP bridge (the tests' document
     * generation brings RESTEasy Reactive onto the tests' class path, where this rule is what keeps it out of main).
     */
    @Test
    void runsWithoutAnHttpServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty.handler.codec.http..",
                "org.jboss.resteasy.reactive.server..", "io.quarkus.amazon.lambda.http..", "io.quarkus.vertx..")
                .check(API);
    }

    @Test
    void takesTimeFromTheClockOrTheEvent() {
        AdapterRules.TAKES_TIME_FROM_THE_CLOCK_OR_THE_EVENT.check(API);
    }
}
