package io.tierline.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The api function is an adapter (docs/architecture.md, "Packages and what they may use"). */
class ApiArchitectureTest {
    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierline.api");

    @Test
    void reachesTheAwsAdaptersOfTheCoreOnlyThroughWiring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.tierline.core.aws..")
                .because("functions use the core's ports, which wiring binds to DynamoDB and SQS;"
                        + " a function that named an adapter could not run against another one")
                .check(API);
    }

    @Test
    void takesTimeFromTheClockOrTheEvent() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time is data: tests set the clock, and a worker's now comes from its event")
                .check(API);
    }
}
