package io.tierline.tools.functionzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.tools.functionzip.sample.EnglishGreeting;
import io.tierline.tools.functionzip.sample.FrenchGreeting;
import io.tierline.tools.functionzip.sample.Greeting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function zip laid out as Quarkus lays it out (classes and resources at the task root, jars in lib/), repacked,
 * then loaded the way Lambda loads it: the classes, services and resources a class loader finds must be the ones
 * it found before.
 */
class OneJarFunctionZipTest {

    private static final String SERVICE = "META-INF/services/" + Greeting.class.getName();

    @TempDir
    Path folder;

    @Test
    void oneStoredJarFindsWhatTheClassPathFoundBefore() throws Exception {
        Path zip = quarkusLikeZip();

        OneJarFunctionZip.Summary summary = OneJarFunctionZip.repack(zip, "fn.jar", List.of("META-INF/maven/"));

        assertEquals(List.of("task root's classes", "lib/a-lib.jar", "lib/b-lib.jar"), summary.sources(),
                "the task root first, then lib/ by name, as CustomerClassLoader orders them");
        assertEquals(1, summary.joinedServices());
        assertEquals(List.of("shared.txt"), List.copyOf(summary.shadowed()), "in both jars");
        assertEquals(2, summary.leftOut(), "both jars' META-INF/maven/ files");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "shared.txt", "application.properties", "lib/fn.jar"),
                    file.stream().map(ZipEntry::getName).toList(), "the task root's files stay, its class does not");
        }
        Path taskRoot = unpack(zip);
        Path jar = taskRoot.resolve("lib/fn.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName() + " is compressed"));
            assertNull(file.getEntry("META-INF/SIGNER.SF"), "another jar's signature would make the JVM refuse it");
            assertNull(file.getEntry("META-INF/SIGNER.RSA"));
            assertNull(file.getEntry("META-INF/INDEX.LIST"));
            assertNull(file.getEntry("META-INF/maven/"), "a folder left out leaves no folder entry either");
            assertNotNull(file.getEntry("META-INF/mavenish.txt"), "only what is under the folder is left out");
            assertNotNull(file.getEntry("templates/"), "folders are entries, as jar tools write them");
            Manifest manifest = file.getManifest();
            assertEquals("true", manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE),
                    "b-lib.jar was multi-release");
            assertEquals(EnglishGreeting.class.getName() + "\n" + FrenchGreeting.class.getName() + "\n",
                    text(file, SERVICE), "every copy of a service file, in class-path order");
            assertEquals("from a", text(file, "shared.txt"), "the first jar's copy wins, as in a lookup");
            assertNotNull(file.getEntry(classFile(Greeting.class)), "the task root's class");
            assertEquals("only in b", text(file, "templates/page.html"));
        }

        // the runtime interface client's class path: the task root, then lib/'s jars
        try (URLClassLoader loader = new URLClassLoader(new URL[] {taskRoot.toUri().toURL(), jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertEquals("from the task root", new String(loader.getResource("shared.txt").openStream().readAllBytes(),
                    StandardCharsets.UTF_8), "the task root still comes first");
            Class<?> service = loader.loadClass(Greeting.class.getName());
            Method greet = service.getMethod("greet");
            List<Object> greetings = new ArrayList<>();
            for (Object provider : ServiceLoader.load(service, loader)) {
                greetings.add(greet.invoke(provider));
            }
            assertEquals(List.of("hello", "bonjour"), greetings);
        }
    }

    @Test
    void aSecondRunLeavesTheZipAsItIs() throws Exception {
        Path zip = quarkusLikeZip();
        OneJarFunctionZip.repack(zip, "fn.jar", List.of());
        byte[] once = Files.readAllBytes(zip);

        assertNull(OneJarFunctionZip.repack(zip, "fn.jar", List.of()));
        assertArrayEquals(once, Files.readAllBytes(zip));
    }

    @Test
    void theJarNameIsAFileNameAndWhatIsLeftOutAFolder() throws Exception {
        Path zip = quarkusLikeZip();
        assertThrows(IllegalArgumentException.class, () -> OneJarFunctionZip.repack(zip, "lib/fn.jar", List.of()));
        assertThrows(IllegalArgumentException.class, () -> OneJarFunctionZip.repack(zip, "fn.zip", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> OneJarFunctionZip.repack(zip, "fn.jar", List.of("META-INF/maven")), "a folder ends in /");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertTrue(file.stream().anyMatch(e -> e.getName().equals("lib/b-lib.jar")), "left as it was");
        }
    }

    @Test
    void joinedServiceFilesNameEachProviderOnce() {
        byte[] joined = OneJarFunctionZip.joinLines("a.A\nb.B\n".getBytes(StandardCharsets.UTF_8),
                "\nb.B\r\nc.C".getBytes(StandardCharsets.UTF_8));
        assertEquals("a.A\nb.B\nc.C\n", new String(joined, StandardCharsets.UTF_8));
    }

    /**
     * The task root holds the service interface, a manifest, application.properties and shared.txt; lib/b-lib.jar (written into the zip
     * first, so the order must come from the names) is multi-release, signed-looking and holds the French provider;
     * lib/a-lib.jar the English one. Both jars carry shared.txt too.
     */
    private Path quarkusLikeZip() throws IOException {
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("META-INF/MANIFEST.MF", manifest(true));
        b.put("META-INF/SIGNER.SF", bytes("Signature-Version: 1.0"));
        b.put("META-INF/SIGNER.RSA", bytes("not a real signature"));
        b.put("META-INF/INDEX.LIST", bytes("JarIndex-Version: 1.0"));
        b.put(SERVICE, bytes(FrenchGreeting.class.getName() + "\n"));
        b.put(classFile(FrenchGreeting.class), classBytes(FrenchGreeting.class));
        b.put("shared.txt", bytes("from b"));
        b.put("templates/page.html", bytes("only in b"));
        b.put("META-INF/maven/org.example/b/pom.properties", bytes("version=1"));
        b.put("META-INF/mavenish.txt", bytes("not build metadata"));
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("META-INF/MANIFEST.MF", manifest(false));
        a.put(SERVICE, bytes(EnglishGreeting.class.getName() + "\n"));
        a.put(classFile(EnglishGreeting.class), classBytes(EnglishGreeting.class));
        a.put("shared.txt", bytes("from a"));
        a.put("META-INF/maven/org.example/a/pom.xml", bytes("<project/>"));

        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("META-INF/MANIFEST.MF", manifest(false));
        zip.put(classFile(Greeting.class), classBytes(Greeting.class));
        zip.put("shared.txt", bytes("from the task root"));
        zip.put("application.properties", bytes("quarkus.banner.enabled=false"));
        zip.put("lib/b-lib.jar", zipBytes(b));
        zip.put("lib/a-lib.jar", zipBytes(a));
        Path path = folder.resolve("function.zip");
        Files.write(path, zipBytes(zip));
        return path;
    }

    /** The zip unpacked as Lambda unpacks it into the task root. */
    private Path unpack(Path zip) throws IOException {
        Path root = Files.createDirectories(folder.resolve("task"));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = root.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return root;
    }

    private static String text(JarFile file, String name) throws IOException {
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] manifest(boolean multiRelease) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classFile(type))) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
