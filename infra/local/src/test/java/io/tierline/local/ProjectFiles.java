package io.tierline.local;

import java.nio.file.Path;

/** Where the project's files are, for tests. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path templateFile() {
        return ProjectRoot.templateFile();
    }
}
