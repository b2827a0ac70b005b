package io.tierline.tools.functionzip;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a function zip as Quarkus builds it (its generated classes and resources at the task root, some 90 to 160
 * library jars in {@code lib/}) into a zip holding one jar, {@code lib/<name>.jar}, with every class, and beside it
 * the task root's other files (configuration, templates, web assets) where they were. Why: Lambda's class loader (the runtime interface client's CustomerClassLoader, a URLClassLoader over the
 * task root and then the jars in {@code lib/} by name) looks for every class in each of those places in turn, so a
 * class from a jar late in the list costs a lookup in every jar before it, and every class costs a file lookup in the
 * task root first. With one jar every class is one lookup. Its entries are stored, not compressed: a class is read
 * without inflating it, and the zip around the jar compresses the whole jar, which makes the zip smaller than the
 * original one. Measured with {@code bin/bench cold-start} (README, "Cold start").
 *
 * <p>The class path finds exactly what it found before: the task root's classes go first into the jar, then the
 * jars' entries in the class loader's order ({@code lib/} by name), and the first copy of an entry wins, as it won a
 * lookup; the task root's other files stay at the root, still first on the class path. They stay because they are
 * read as files: SmallRye Config reads {@code application.properties} through a file system, and one inside a jar
 * makes it open a zip file system over the whole jar (its 20,000 entries cost the api 60 ms of boot).
 * Two kinds of entries differ: {@code META-INF/services/} files are joined, every copy in class-path order, because
 * {@link java.util.ServiceLoader} reads every copy on a class path; and jar signatures, indexes and manifests are
 * left out, since they describe a jar that no longer exists (a signature over classes of another jar would make the
 * JVM refuse them). The jar's own manifest says {@code Multi-Release: true} when any source jar did, so a class a
 * library ships for newer JDKs under {@code META-INF/versions/} is still chosen as before; no class is in two jars of
 * our zips, so that choice cannot mix two libraries' copies.
 *
 * <p>Hand-written because nothing else fits: Quarkus's own uber-jar builder does this merging, but its Lambda
 * extension refuses any package type other than the legacy jar, and the Maven shade and assembly plugins merge Maven
 * artifacts, not the classes Quarkus generated and transformed at build time, which are what must ship.
 */
public final class OneJarFunctionZip {

    /** The entries a jar's signature and index consist of: they do not describe the merged jar. */
    private static final Pattern LEFT_OUT = Pattern.compile(
            "META-INF/(MANIFEST\\.MF|INDEX\\.LIST|[^/]+\\.(SF|RSA|DSA|EC))", Pattern.CASE_INSENSITIVE);
    private static final String SERVICES = "META-INF/services/";
    static final String LIB = "lib/";

    private OneJarFunctionZip() {
    }

    /**
     * What a repacking did, for the build log.
     *
     * @param sources          the task root's classes (if it had any) and each library jar, in class-path order
     * @param entries          the merged jar's entries
     * @param joinedServices   service files joined from more than one source
     * @param shadowed         entries found in more than one source, of which the first was kept (licence texts,
     *                         notices and such)
     * @param leftOut          entries under the folders the caller chose to leave out
     * @param zipBytesBefore   the zip's size before
     * @param zipBytesAfter    the zip's size after
     */
    public record Summary(List<String> sources, int entries, int joinedServices, Set<String> shadowed, int leftOut,
                          long zipBytesBefore, long zipBytesAfter) {
        String describe(Path zip, String jarName) {
            return String.format(Locale.ROOT, "%s: %d sources merged into %s%s (%,d entries, %d service files joined,"
                            + " %d duplicate resources kept once, %d left out); zip %,d -> %,d bytes",
                    zip.getFileName(), sources.size(), LIB, jarName, entries, joinedServices, shadowed.size(),
                    leftOut, zipBytesBefore, zipBytesAfter);
        }
    }

    /**
     * {@code <function.zip> <jar name> [--leave-out <folder/>]...}: rewrites the zip in place, leaving out every entry
     * under the folders named (build metadata nothing reads at run time, such as {@code META-INF/maven/}).
     */
    public static void main(String[] args) throws IOException {
        List<String> leaveOut = new ArrayList<>();
        for (int i = 2; i + 1 < args.length && args[i].equals("--leave-out"); i += 2) {
            leaveOut.add(args[i + 1]);
        }
        if (args.length < 2 || args.length != 2 + 2 * leaveOut.size()) {
            // thrown, not System.exit: this runs inside Maven's JVM (exec:java)
            throw new IllegalArgumentException("usage: OneJarFunctionZip <function.zip> <name of the jar, e.g."
                    + " tierline-api.jar> [--leave-out <folder/>]...");
        }
        Path zip = Path.of(args[0]);
        Summary summary = repack(zip, args[1], leaveOut);
        System.out.println(summary == null ? zip.getFileName() + " already holds one jar, " + LIB + args[1]
                : summary.describe(zip, args[1]));
    }

    /**
     * Rewrites {@code zip} in place (a new file moved over it, so a failure leaves the original).
     *
     * @param leaveOut folders (ending in /) whose entries the jar leaves out
     * @return what was done, or null when the zip already held only {@code lib/<jarName>} (a second run)
     */
    public static Summary repack(Path zip, String jarName, List<String> leaveOut) throws IOException {
        if (!jarName.endsWith(".jar") || jarName.contains("/")) {
            throw new IllegalArgumentException("the jar's name is a file name ending in .jar, not " + jarName);
        }
        for (String folder : leaveOut) {
            if (!folder.endsWith("/") || folder.startsWith("/") || folder.equals("/")) {
                throw new IllegalArgumentException("--leave-out takes a folder inside the jar ending in /, such as"
                        + " META-INF/maven/, not " + folder);
            }
        }
        MergedJar merged;
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Layout layout = Layout.of(file);
            if (layout.rootClasses().isEmpty() && layout.jars().size() == 1
                    && layout.jars().get(0).getName().equals(LIB + jarName)) {
                return null;
            }
            merged = MergedJar.of(file, layout, leaveOut);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
                out.setLevel(9);
                for (ZipEntry kept : layout.rootFiles()) {
                    ZipEntry entry = new ZipEntry(kept.getName());
                    entry.setTime(kept.getTime());
                    out.putNextEntry(entry);
                    try (InputStream in = file.getInputStream(kept)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                long newest = merged.newest();
                ZipEntry entry = new ZipEntry(LIB + jarName);
                entry.setTime(newest);
                out.putNextEntry(entry);
                merged.writeStored(out, newest);
                out.closeEntry();
            }
        }
        long before = Files.size(zip);
        long after = Files.size(partial);
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(merged.sources(), merged.entries().size(), merged.joinedServices(), merged.shadowed(),
                merged.leftOut(), before, after);
    }

    /**
     * What a function zip holds: classes at the task root, its other files (which stay), and jars in lib/ in the
     * class loader's order.
     */
    record Layout(List<ZipEntry> rootClasses, List<ZipEntry> rootFiles, List<ZipEntry> jars) {
        static Layout of(ZipFile zip) {
            List<ZipEntry> classes = new ArrayList<>();
            List<ZipEntry> files = new ArrayList<>();
            List<ZipEntry> jars = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(entry -> {
                String name = entry.getName();
                if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
                    jars.add(entry);
                } else if (name.endsWith(".class")) {
                    classes.add(entry);
                } else {
                    files.add(entry);
                }
            });
            // CustomerClassLoader sorts lib/'s file names in their natural (String) order
            jars.sort(Comparator.comparing(ZipEntry::getName));
            return new Layout(List.copyOf(classes), List.copyOf(files), List.copyOf(jars));
        }
    }

    /** One entry of the merged jar. */
    private record Content(byte[] bytes, long time) {
    }

    /** The merged jar's entries in the order they were first found, and what merging them found. */
    private record MergedJar(Map<String, Content> entries, List<String> sources, int joinedServices,
                             Set<String> shadowed, int leftOut, boolean multiRelease) {

        static MergedJar of(ZipFile zip, Layout layout, List<String> leaveOut) throws IOException {
            Merging merging = new Merging(leaveOut);
            List<String> sources = new ArrayList<>();
            boolean multiRelease = false;
            if (!layout.rootClasses().isEmpty()) {
                sources.add("task root's classes");
                for (ZipEntry entry : layout.rootClasses()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        merging.add(entry.getName(), new Content(in.readAllBytes(), entry.getTime()));
                    }
                }
            }
            for (ZipEntry jarEntry : layout.jars()) {
                sources.add(jarEntry.getName());
                try (JarInputStream jar = new JarInputStream(zip.getInputStream(jarEntry), false)) {
                    Manifest manifest = jar.getManifest();
                    multiRelease |= manifest != null
                            && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
                    for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                        if (!entry.isDirectory()) {
                            merging.add(entry.getName(), new Content(jar.readAllBytes(), entry.getTime()));
                        }
                    }
                }
            }
            int joined = (int) merging.serviceCopies.values().stream().filter(copies -> copies > 1).count();
            return new MergedJar(merging.entries, List.copyOf(sources), joined, Set.copyOf(merging.shadowed),
                    merging.leftOut, multiRelease);
        }

        long newest() {
            return entries.values().stream().mapToLong(Content::time).max().orElse(0);
        }

        /**
         * The jar: its manifest, a directory entry for every folder (as jar tools write them, so a lookup of a
         * folder such as {@code templates/} finds it), then the files in the order they were found.
         */
        void writeStored(OutputStream target, long time) throws IOException {
            // straight into the zip's entry, which closing the jar's ZipOutputStream must leave open
            OutputStream intoZip = new FilterOutputStream(target) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            try (ZipOutputStream out = new ZipOutputStream(intoZip)) {
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                manifest.getMainAttributes().putValue("Created-By", OneJarFunctionZip.class.getName());
                if (multiRelease) {
                    manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
                }
                ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
                manifest.write(manifestBytes);
                putStored(out, "META-INF/", new byte[0], time);
                putStored(out, JarFile.MANIFEST_NAME, manifestBytes.toByteArray(), time);
                for (String folder : folders()) {
                    putStored(out, folder, new byte[0], time);
                }
                for (Map.Entry<String, Content> entry : entries.entrySet()) {
                    putStored(out, entry.getKey(), entry.getValue().bytes(), entry.getValue().time());
                }
            }
        }

        private Set<String> folders() {
            Set<String> folders = new TreeSet<>();
            for (String name : entries.keySet()) {
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    folders.add(name.substring(0, slash + 1));
                }
            }
            folders.remove("META-INF/");
            return folders;
        }

        private static void putStored(ZipOutputStream out, String name, byte[] content, long time)
                throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            entry.setTime(time);
            out.putNextEntry(entry);
            out.write(content);
            out.closeEntry();
        }
    }

    /** Entries as they are merged: first copy wins, service files joined, chosen folders and signatures left out. */
    private static final class Merging {
        final Map<String, Content> entries = new LinkedHashMap<>();
        final Map<String, Integer> serviceCopies = new LinkedHashMap<>();
        final Set<String> shadowed = new LinkedHashSet<>();
        final List<String> leaveOut;
        int leftOut;

        Merging(List<String> leaveOut) {
            this.leaveOut = List.copyOf(leaveOut);
        }

        void add(String name, Content content) {
            if (LEFT_OUT.matcher(name).matches()) {
                return;
            }
            if (leaveOut.stream().anyMatch(name::startsWith)) {
                leftOut++;
                return;
            }
            if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
                serviceCopies.merge(name, 1, Integer::sum);
                entries.merge(name, content, (first, second) ->
                        new Content(joinLines(first.bytes(), second.bytes()), Math.max(first.time(), second.time())));
                return;
            }
            if (entries.putIfAbsent(name, content) != null) {
                shadowed.add(name);
            }
        }
    }

    /** Two copies of a service file as one: each provider once, in class-path order. */
    static byte[] joinLines(byte[] first, byte[] second) {
        Set<String> lines = new LinkedHashSet<>();
        for (byte[] copy : List.of(first, second)) {
            for (String line : new String(copy, StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
