package io.tierline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of template.yaml for one run, written to another folder: every CodeUri made absolute (the runner resolves
 * them against the template's folder) and {@code TIERLINE_POLICY_FILE} added to the Globals environment, so every
 * function reads the benchmark's policy document. Text edits keep the rest of the file exactly as deployed.
 */
final class BenchTemplate {
    static final String POLICY_VARIABLE = "TIERLINE_POLICY_FILE";
    private static final Pattern CODE_URI = Pattern.compile("(?m)^(\\s*CodeUri:\\s*)(\\S+)\\s*$");
    private static final Pattern GLOBAL_VARIABLES = Pattern.compile(
            "(?ms)^Globals:[ \\t]*$.*?^([ \\t]+)Variables:[ \\t]*\\R");

    private BenchTemplate() {
    }

    static String copy(String template, Path templateFolder, Path policyFile) {
        Matcher globals = GLOBAL_VARIABLES.matcher(template);
        if (!globals.find()) {
            throw new IllegalArgumentException("template.yaml has no Globals ... Environment.Variables to extend");
        }
        String withPolicy = template.substring(0, globals.end()) + globals.group(1) + "  " + POLICY_VARIABLE + ": "
                + quoted(policyFile.toAbsolutePath()) + "\n" + template.substring(globals.end());
        Matcher codeUri = CODE_URI.matcher(withPolicy);
        StringBuilder out = new StringBuilder();
        while (codeUri.find()) {
            Path absolute = templateFolder.toAbsolutePath().resolve(codeUri.group(2)).normalize();
            codeUri.appendReplacement(out, Matcher.quoteReplacement(codeUri.group(1) + quoted(absolute)));
        }
        return codeUri.appendTail(out).toString();
    }

    static Path write(Path template, Path policyFile, Path folder) {
        try {
            return Files.writeString(folder.resolve("template.yaml"),
                    copy(Files.readString(template), template.toAbsolutePath().getParent(), policyFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML single-quoted scalar: no escapes but the quote itself. */
    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
