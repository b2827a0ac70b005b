package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The template is the contract: it must pass cfn-lint (with the SAM translator) where cfn-lint is installed. */
class CfnLintTest {

    @Test
    void templatePassesCfnLint() throws Exception {
        Assumptions.assumeTrue(CommandLine.onPath("cfn-lint"),
                "cfn-lint is not on the PATH: template.yaml was not linted (install it with pip install cfn-lint)");
        Path template = ProjectRoot.templateFile();
        CommandLine.Result result = CommandLine.run(Duration.ofSeconds(120), Map.of(), "cfn-lint", template.toString());
        assertEquals(0, result.exitCode(), "cfn-lint " + template + " reported:\n" + result.output());
    }
}
