package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tierline.core.wiring.TierlineSettings;
import io.tierline.local.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The settings (core's {@link TierlineSettings}) are read from the environment variables template.yaml sets, by the
 * names it uses today: renaming a setting in the mapping must not silently drop a variable. Here rather than in the
 * core because SmallRye generates the mapping's class with ASM, which only the functions' test class path has.
 */
class TierlineSettingsTest {
    /** Each variable a function may be given, and where the settings expose it. */
    static final Map<String, Function<TierlineSettings, Object>> VARIABLES = Map.ofEntries(
            Map.entry("TIERLINE_TABLE", TierlineSettings::table),
            Map.entry("TIERLINE_QUEUE_TRIAGE", s -> s.queue().triage()),
            Map.entry("TIERLINE_QUEUE_ESCALATION", s -> s.queue().escalation()),
            Map.entry("TIERLINE_QUEUE_NOTIFY", s -> s.queue().notifications()),
            Map.entry("TIERLINE_QUEUE_INTAKE_DLQ", s -> s.queue().intakeDeadLetters()),
            Map.entry("TIERLINE_QUEUE_TRIAGE_DLQ", s -> s.queue().triageDeadLetters()),
            Map.entry("TIERLINE_QUEUE_ESCALATION_DLQ", s -> s.queue().escalationDeadLetters()),
            Map.entry("TIERLINE_QUEUE_NOTIFY_DLQ", s -> s.queue().notifyDeadLetters()),
            Map.entry("TIERLINE_POLICY_FILE", TierlineSettings::policyFile),
            Map.entry("TIERLINE_CUSTOMER_TOKEN_SECRET", TierlineSettings::customerTokenSecret),
            Map.entry("TIERLINE_TRIAGE_MODEL", TierlineSettings::triageModel),
            Map.entry("TIERLINE_TRIAGE_RISK_MODEL", TierlineSettings::triageRiskModel),
            Map.entry("TIERLINE_EMAIL_DELIVERY", s -> s.email().delivery()),
            Map.entry("TIERLINE_EMAIL_FROM", s -> s.email().from()),
            Map.entry("TIERLINE_WEBHOOK_SIGNING_SECRET", TierlineSettings::webhookSigningSecret),
            Map.entry("TIERLINE_AUTH_ISSUER", s -> s.auth().issuer()),
            Map.entry("TIERLINE_AUTH_AUDIENCE", s -> s.auth().audience()),
            Map.entry("TIERLINE_SIGNIN_MODE", s -> s.signIn().mode()),
            Map.entry("TIERLINE_SIGNIN_ENDPOINT", s -> s.signIn().endpoint()),
            Map.entry("TIERLINE_DASHBOARD_CONNECT_SRC", TierlineSettings::dashboardConnectSrc));

    static TierlineSettings settings(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL))
                .withMapping(TierlineSettings.class)
                .build();
        return config.getConfigMapping(TierlineSettings.class);
    }

    @Test
    void everyVariableIsReadUnderItsName() {
        Map<String, String> environment = new HashMap<>();
        VARIABLES.keySet().forEach(variable -> environment.put(variable, "value of " + variable));
        TierlineSettings settings = settings(environment);
        VARIABLES.forEach((variable, read) -> {
            Object value = read.apply(settings);
            assertEquals("value of " + variable, value instanceof Optional<?> o ? o.orElse(null) : value, variable);
        });
    }

    @Test
    void durationsAndCountsAreTyped() {
        TierlineSettings settings = settings(Map.of("TIERLINE_TABLE", "Tickets",
                "TIERLINE_SWEEP_WINDOW", "PT3M", "TIERLINE_REPORTS_AT_RISK_WINDOW", "PT30M",
                "TIERLINE_IDEMPOTENCY_RETENTION", "P1D", "TIERLINE_NOTIFY_MAX_ATTEMPTS", "7"));
        assertEquals(Duration.ofMinutes(3), settings.sweepWindow());
        assertEquals(Duration.ofMinutes(30), settings.atRiskWindow());
        assertEquals(Duration.ofDays(1), settings.idempotencyRetention());
        assertEquals(7, settings.notifyMaxAttempts());
    }

    @Test
    void onlyTheTableIsRequiredAndTheRestHasItsDefault() {
        TierlineSettings settings = settings(Map.of("TIERLINE_TABLE", "Tickets"));
        assertEquals(Duration.ofMinutes(2), settings.sweepWindow());
        assertEquals(Duration.ofHours(1), settings.atRiskWindow());
        assertEquals(Duration.ofDays(14), settings.idempotencyRetention());
        assertEquals(5, settings.notifyMaxAttempts());
        assertEquals("ses", settings.email().delivery());
        assertEquals("cognito", settings.signIn().mode());
        assertEquals(Optional.empty(), settings.queue().triage());
        assertEquals(Optional.empty(), settings.auth().issuer());

        RuntimeException missing = assertThrows(RuntimeException.class, () -> settings(Map.of()));
        assertTrue(String.valueOf(missing.getMessage()).contains("tierline.table"), missing.getMessage());
    }

    /** A variable the template gives a function that the settings do not read would be lost without a word. */
    @Test
    void theSettingsReadEveryVariableTheTemplateSets() throws IOException {
        String template = Files.readString(ProjectRoot.templateFile());
        Matcher variable = Pattern.compile("\\b(TIERLINE_[A-Z_]+):").matcher(template);
        TreeSet<String> set = new TreeSet<>();
        while (variable.find()) {
            set.add(variable.group(1));
        }
        assertTrue(set.size() >= 15, "the template's variables: " + set);
        set.removeAll(VARIABLES.keySet());
        assertEquals(new TreeSet<String>(), set, "variables of template.yaml the settings do not read");
    }

    /** The user pool is optional in the shared settings (workers have none) but the api's start requires it. */
    @Test
    void theApiDoesNotStartWithoutItsUserPool() {
        IllegalStateException noIssuer = assertThrows(IllegalStateException.class, () -> AgentAuthenticator
                .requireUserPool(null, settings(Map.of("TIERLINE_TABLE", "t", "TIERLINE_AUTH_AUDIENCE", "client"))));
        assertEquals("TIERLINE_AUTH_ISSUER is not set: template.yaml must give the api function its agent user pool",
                noIssuer.getMessage());
        IllegalStateException noAudience = assertThrows(IllegalStateException.class, () -> AgentAuthenticator
                .requireUserPool(null, settings(Map.of("TIERLINE_TABLE", "t", "TIERLINE_AUTH_ISSUER", "http://x"))));
        assertEquals("TIERLINE_AUTH_AUDIENCE is not set: template.yaml must give the api function its agent user pool",
                noAudience.getMessage());
        assertDoesNotThrow(() -> AgentAuthenticator.requireUserPool(null, settings(Map.of("TIERLINE_TABLE", "t",
                "TIERLINE_AUTH_ISSUER", "http://x", "TIERLINE_AUTH_AUDIENCE", "client"))));
    }
}
