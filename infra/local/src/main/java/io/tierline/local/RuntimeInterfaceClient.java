package io.tierline.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.CodeSource;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AWS Lambda Java runtime interface client, which the managed Java runtime runs in front of a function:
 * {@code java -cp <its jars> AWSLambda <handler>}, with the task root as working directory.
 */
final class RuntimeInterfaceClient {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** One class from each jar the client needs: itself, aws-lambda-java-core, -serialization, utils-lite. */
    private static final List<String> JAR_MARKERS = List.of(
            MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    /** The client loads its JNI library from this path when set, instead of copying it to a fixed /tmp file. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path jniLibrary;

    private RuntimeInterfaceClient() {
    }

    /**
     * The client's JNI library, unpacked once into a content-named file. Left to itself, every client process copies
     * the library over /tmp/.libaws-lambda-jni.so while it starts; functions starting side by side then load a file
     * that another process is rewriting, and the JVM dies with SIGBUS.
     */
    static synchronized Path jniLibrary() {
        if (jniLibrary != null) {
            return jniLibrary;
        }
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
        String resource = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
        try (InputStream in = RuntimeInterfaceClient.class.getClassLoader().loadClass(MAIN_CLASS)
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The runtime interface client jar has no " + resource);
            }
            byte[] library = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library), 0, 8);
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "tierline-local", "runtime-interface-client");
            Files.createDirectories(folder);
            Path target = folder.resolve("libaws-lambda-jni-" + digest + ".so");
            if (!Files.isRegularFile(target) || Files.size(target) != library.length) {
                Path partial = Files.createTempFile(folder, "jni", ".partial");
                Files.write(partial, library);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            jniLibrary = target;
            return target;
        } catch (IOException | ClassNotFoundException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot unpack the runtime interface client's JNI library", e);
        }
    }

    /** The class path of the client, taken from where this JVM loaded those classes. */
    static String classPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String className : JAR_MARKERS) {
            entries.add(locationOf(className));
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path locationOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, RuntimeInterfaceClient.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalStateException("No code source for " + className);
            }
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path: the local runner needs"
                    + " com.amazonaws:aws-lambda-java-runtime-interface-client and its dependencies", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
