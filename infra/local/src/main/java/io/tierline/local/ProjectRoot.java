package io.tierline.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's root folder: the one holding template.yaml. */
public final class ProjectRoot {

    /** Surefire sets this to the reactor root (see the parent pom). */
    public static final String PROPERTY = "tierline.project.root";
    public static final String TEMPLATE_FILE = "template.yaml";

    private ProjectRoot() {
    }

    /** The folder named by system property {@value #PROPERTY}, else the nearest folder up from here with a template.yaml. */
    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, TEMPLATE_FILE))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(TEMPLATE_FILE))) {
                return folder;
            }
        }
        throw new IllegalStateException("No " + TEMPLATE_FILE + " in " + start + " or any folder above it (and system"
                + " property " + PROPERTY + " is " + (configured == null ? "not set" : "'" + configured + "'") + ")");
    }

    public static Path templateFile() {
        return find().resolve(TEMPLATE_FILE);
    }
}
