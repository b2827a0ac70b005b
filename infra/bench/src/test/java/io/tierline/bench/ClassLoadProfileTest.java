package io.tierline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-load log of a function process, counted by library on each side of the first poll. */
class ClassLoadProfileTest {

    @Test
    void countsClassesByLibraryBeforeTheFirstPollAndInTheFirstRequest(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("classes.log");
        String jar = "file:/tmp/code/lib/tierline-api.jar";
        Files.write(log, List.of(
                "[1000000ns] java.lang.Object source: shared objects file",
                "[2000000ns] io.quarkus.qute.Parser source: " + jar,
                "[3000000ns] io.quarkus.qute.SectionNode source: " + jar,
                "[4000000ns] io.tierline.api.TicketResource$$Lambda/0x0000000082411ac0 source: io.tierline.api.TicketResource",
                "[6000000ns] org.hibernate.validator.internal.engine.ValidatorImpl source: " + jar,
                "[7000000ns] java.lang.invoke.LambdaForm$MH/0x0000000048041800 source: __JVM_LookupDefineClass__",
                "[8000000ns] Main source: " + jar,
                "[9000000ns] software.amazon.awssdk.core.SdkBytes source: " + jar,
                "not a class line"));

        ClassLoadProfile profile = ClassLoadProfile.read(log, Duration.ofMillis(5), Duration.ofMillis(8));

        assertEquals(Map.of("JDK", 1, "io.quarkus.qute", 2, "generated", 1), profile.boot());
        assertEquals(Map.of("org.hibernate.validator", 1, "generated", 1, "(default package)", 1), profile.firstRequest(),
                "a class past the first response is not counted");
        assertEquals(4, profile.bootClasses());
        assertEquals(List.of("io.quarkus.qute 2", "JDK 1"), profile.topBoot(2));
    }
}
