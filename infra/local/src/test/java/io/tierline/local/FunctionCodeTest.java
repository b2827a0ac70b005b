package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCodeTest {

    @TempDir
    Path folder;

    @Test
    void unpacksOnceAndAgainOnlyWhenTheZipChanges() throws Exception {
        Path zip = TestFunctionZip.write(folder.resolve("function.zip"));
        Path work = folder.resolve("work");

        Path first = FunctionCode.taskRoot(zip, work);
        assertTrue(Files.isRegularFile(first.resolve("io/tierline/local/testfunction/EchoHandler.class")));
        assertTrue(Files.list(first.resolve("lib")).anyMatch(jar -> jar.getFileName().toString().startsWith("jackson-databind")));
        Path marker = first.resolve("io/tierline/local/testfunction/EchoHandler.class");
        FileTime unpackedAt = Files.getLastModifiedTime(marker);
        assertEquals(first, FunctionCode.taskRoot(zip, work));
        assertEquals(unpackedAt, Files.getLastModifiedTime(marker), "reused, not unpacked again");

        Files.setLastModifiedTime(zip, FileTime.from(Instant.now().plusSeconds(60)));
        Path second = FunctionCode.taskRoot(zip, work);
        assertNotEquals(first, second);
        assertFalse(Files.exists(first), "the older version is removed");
    }

    @Test
    void saysWhenTheCodeWasNotBuilt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> FunctionCode.taskRoot(folder.resolve("functions/api/target/function.zip"), folder));
        assertTrue(missing.getMessage().contains("build it first"), missing.getMessage());
    }
}
