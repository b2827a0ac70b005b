package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path jvms;

    private Path jdk(String folder, String version) throws IOException {
        Path home = jvms.resolve(folder);
        Files.createDirectories(home.resolve("bin"));
        Files.createFile(home.resolve("bin/java"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void prefersTemurinOfTheExactVersion() throws IOException {
        Path current = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("openjdk-25", "25.0.1");
        Path temurin = jdk("temurin-25-jdk-amd64", "25.0.3");
        JavaRuntimes runtimes = new JavaRuntimes(jvms, current);

        JavaRuntimes.Choice java25 = runtimes.choose("java25");
        assertEquals(temurin.resolve("bin/java"), java25.java());
        assertNull(java25.warning());
        assertEquals(current.resolve("bin/java"), runtimes.choose("java17").java());
    }

    @Test
    void fallsBackToANewerJdkThenToTheRunningOne() throws IOException {
        Path current = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        JavaRuntimes runtimes = new JavaRuntimes(jvms, current);

        JavaRuntimes.Choice java21 = runtimes.choose("java21");
        assertEquals(25, java21.version());
        assertNotNull(java21.warning());

        JavaRuntimes.Choice java26 = runtimes.choose("java26");
        assertEquals(current.resolve("bin/java"), java26.java());
        assertNotNull(java26.warning());
        assertEquals(8, new JavaRuntimes(jvms, jdk("java-8", "1.8.0_402")).choose("java8.al2").version());
    }
}
