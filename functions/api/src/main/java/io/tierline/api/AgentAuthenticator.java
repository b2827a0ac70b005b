package io.tierline.api;

import io.quarkus.runtime.StartupEvent;
import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks agents' bearer tokens: RS256 access tokens from the user pool's issuer (Amazon Cognito in AWS, the local
 * runner's stand-in locally), verified against the issuer's JWKS. In AWS the HTTP API's JWT authorizer checks them
 * first; checking again here means the function never trusts a route that was left open by mistake.
 * Groups carry role and teams: {@code role-agent|role-supervisor|role-admin} and {@code team-<team>}.
 */
@ApplicationScoped
public class AgentAuthenticator {
    static final String GROUPS_CLAIM = "cognito:groups";
    private static final Logger LOG = Logger.getLogger(AgentAuthenticator.class);

    private final JwtConsumer consumer;
    private final String audience;

    @Inject
    public AgentAuthenticator(TierlineSettings settings) {
        this(required(settings.auth().issuer(), "TIERLINE_AUTH_ISSUER"),
                required(settings.auth().audience(), "TIERLINE_AUTH_AUDIENCE"));
    }

    AgentAuthenticator(String configuredIssuer, String audience) {
        this.audience = audience;
        // Cognito's ProviderURL has no scheme: it is served over https. The local stand-in gives its own (http).
        String issuer = configuredIssuer.contains("://") ? configuredIssuer : "https://" + configuredIssuer;
        HttpsJwks jwks = new HttpsJwks(issuer + "/.well-known/jwks.json");
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation() // Cognito access tokens carry client_id, not aud
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    /**
     * The api cannot check an agent without its user pool; workers, which share the settings, have none. A missing
     * setting fails the api's start, before any request, and names its variable.
     */
    static void requireUserPool(@Observes StartupEvent start, TierlineSettings settings) {
        required(settings.auth().issuer(), "TIERLINE_AUTH_ISSUER");
        required(settings.auth().audience(), "TIERLINE_AUTH_AUDIENCE");
    }

    static String required(Optional<String> value, String variable) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                variable + " is not set: template.yaml must give the api function its agent user pool"));
    }

    /** The principal of a valid token, or empty when the header is absent, malformed, expired or forged. */
    public Optional<Principal> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).strip());
            if (!"access".equals(claims.getClaimValueAsString("token_use"))
                    || !audience.equals(claims.getClaimValueAsString("client_id"))) {
                return Optional.empty();
            }
            return principal(claims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.debugf("refused a bearer token: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Principal> principal(JwtClaims claims) throws MalformedClaimException {
        List<String> groups = claims.hasClaim(GROUPS_CLAIM) ? claims.getStringListClaimValue(GROUPS_CLAIM) : List.of();
        Role role = null;
        Set<String> teams = new HashSet<>();
        for (String group : groups) {
            if (group.startsWith("team-")) {
                teams.add(group.substring("team-".length()));
            } else if (group.startsWith("role-")) {
                Role named = Role.valueOf(group.substring("role-".length()).toUpperCase(java.util.Locale.ROOT));
                role = role == null || named.ordinal() > role.ordinal() ? named : role;
            }
        }
        if (role == null) {
            return Optional.empty(); // signed in, but not support staff
        }
        String name = claims.getClaimValueAsString("username");
        return Optional.of(Principal.inTeams(name != null ? name : claims.getSubject(), role, teams));
    }
}
