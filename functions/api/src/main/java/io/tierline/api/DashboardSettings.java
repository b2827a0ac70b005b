package io.tierline.api;

import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the dashboard signs people in, from the function's environment (template.yaml sets Cognito; the local runner
 * overrides it with its stand-in), and the content security policy that follows from it: the page may talk to
 * its own origin and to the sign-in endpoint, nothing else.
 *
 * <ul>
 *   <li>{@code TIERLINE_SIGNIN_MODE}: {@code cognito} (InitiateAuth, USER_PASSWORD_AUTH) or {@code local}
 *   (the local runner's token endpoint for demo users)</li>
 *   <li>{@code TIERLINE_SIGNIN_ENDPOINT}: Cognito's regional endpoint, or the local token endpoint</li>
 *   <li>{@code TIERLINE_AUTH_AUDIENCE}: the user pool app client id (also what tokens are checked against)</li>
 *   <li>{@code TIERLINE_DASHBOARD_CONNECT_SRC}: optional extra origins for connect-src, space-separated</li>
 * </ul>
 */
@ApplicationScoped
public class DashboardSettings {
    /** What the sign-in page needs to know; public, it holds no secret (an app client id is not one). */
    public record SignIn(String mode, String endpoint, String clientId) {
    }

    /**
     * What the page shows and sends: sign-in, refresh, the at-risk window, and the escalation reasons the API
     * accepts (the page takes its list from here, so it cannot send a code the API does not know).
     */
    public record Config(SignIn signIn, int refreshSeconds, int atRiskMinutes, List<Choice> escalationReasons) {
    }

    /** One option of a list: the code the API takes, and its label for people. */
    public record Choice(String code, String label) {
    }

    private static final List<Choice> ESCALATION_REASONS = Arrays.stream(EscalationReason.values())
            .map(r -> new Choice(r.code(), Character.toUpperCase(r.words().charAt(0)) + r.words().substring(1)))
            .toList();

    private final SignIn signIn;
    private final String csp;

    @Inject
    public DashboardSettings(TierlineSettings settings) {
        this(settings.signIn().mode(), settings.signIn().endpoint(),
                AgentAuthenticator.required(settings.auth().audience(), "TIERLINE_AUTH_AUDIENCE"),
                settings.dashboardConnectSrc());
    }

    DashboardSettings(String mode, Optional<String> endpoint, String clientId, Optional<String> extra) {
        String normalised = mode.strip().toLowerCase(Locale.ROOT);
        if (!normalised.equals("cognito") && !normalised.equals("local")) {
            throw new IllegalArgumentException("TIERLINE_SIGNIN_MODE must be cognito or local, not " + mode);
        }
        this.signIn = new SignIn(normalised, endpoint.map(String::strip).orElse(null), clientId);
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        endpoint.map(DashboardSettings::origin).ifPresent(connect::add);
        extra.ifPresent(e -> connect.addAll(java.util.List.of(e.strip().split("\\s+"))));
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src " + String.join(" ", connect) + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    public Config config() {
        return new Config(signIn, 30, (int) QueueResource.AT_RISK_WINDOW.toMinutes(), ESCALATION_REASONS);
    }

    /** The dashboard's CSP: its own scripts and styles only (no inline ones), and the sign-in endpoint. */
    public String contentSecurityPolicy() {
        return csp;
    }

    /** scheme://host[:port] of an endpoint URL: CSP source expressions name origins. */
    static String origin(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("TIERLINE_SIGNIN_ENDPOINT must be an absolute URL, not " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
