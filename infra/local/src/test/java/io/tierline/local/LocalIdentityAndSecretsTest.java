package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-ins for Cognito and Secrets Manager, resolved from the project's template as the functions see them. */
class LocalIdentityAndSecretsTest {
    static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalAws.Options.ephemeral());
        aws.createResources(SamTemplate.load(ProjectFiles.templateFile()));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    JwtConsumer verifierFor(String issuer) {
        return new JwtConsumerBuilder().setExpectedIssuer(issuer).setRequireExpirationTime()
                .setSkipDefaultAudienceValidation()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                        new HttpsJwks(issuer + "/.well-known/jwks.json"))).build();
    }

    @Test
    void theApiFunctionIsPointedAtTheLocalIssuerAndClient() {
        Map<String, String> env = aws.environmentOf(aws.template().function("ApiFunction"));
        assertEquals(aws.identity().issuer("AgentUserPool"), env.get("TIERLINE_AUTH_ISSUER"));
        assertTrue(env.get("TIERLINE_AUTH_ISSUER").startsWith("http://127.0.0.1:"));
        assertEquals("AgentUserPoolClient", env.get("TIERLINE_AUTH_AUDIENCE"));
        // the dashboard signs in at the stand-in's token endpoint instead of Cognito's InitiateAuth
        assertEquals("local", env.get("TIERLINE_SIGNIN_MODE"));
        assertEquals(aws.identity().issuer("AgentUserPool") + "/token", env.get("TIERLINE_SIGNIN_ENDPOINT"));
    }

    @Test
    void theDashboardInAnotherOriginMayListDemoUsersAndTakeTheirTokens() throws Exception {
        String issuer = aws.identity().issuer("AgentUserPool");
        HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                + "/users")).header("Origin", "http://127.0.0.1:3000").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, users.statusCode());
        assertEquals("*", users.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("alice", Json.read(users.body()).get(0).get("username").asText());
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                + "/token")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:3000").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
    }

    @Test
    void tokensAreSignedCognitoShapedAccessTokensThatTheJwksVerifies() throws Exception {
        String issuer = aws.identity().issuer("AgentUserPool");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                        + "/token")).POST(HttpRequest.BodyPublishers.ofString("username=sam")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Json.read(response.body());
        JwtClaims claims = verifierFor(issuer).processToClaims(body.get("access_token").asText());
        assertEquals("access", claims.getClaimValueAsString("token_use"));
        assertEquals("AgentUserPoolClient", claims.getClaimValueAsString("client_id"));
        assertEquals("sam", claims.getClaimValueAsString("username"));
        assertEquals(List.of("role-supervisor", "team-billing", "team-service-desk"),
                claims.getStringListClaimValue("cognito:groups"));

        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                        + "/token")).POST(HttpRequest.BodyPublishers.ofString("username=mallory")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
    }

    @Test
    void tokensLiveAsLongAsTheTemplatesAppClientSays() throws Exception {
        // template.yaml: AgentUserPoolClient AccessTokenValidity 1, TokenValidityUnits.AccessToken hours
        String issuer = aws.identity().issuer("AgentUserPool");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                        + "/token")).POST(HttpRequest.BodyPublishers.ofString("username=alice")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.read(response.body());
        assertEquals(3600, body.get("expires_in").asLong());
        JwtClaims claims = verifierFor(issuer).processToClaims(body.get("access_token").asText());
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        SamTemplate minutes = SamTemplate.parse("""
                Resources:
                  Pool: {Type: AWS::Cognito::UserPool}
                  Client:
                    Type: AWS::Cognito::UserPoolClient
                    Properties: {UserPoolId: !Ref Pool, AccessTokenValidity: 5, TokenValidityUnits: {AccessToken: minutes}}
                """, ProjectFiles.templateFile());
        assertEquals(new UserPoolClientDefinition("Client", "Pool", java.time.Duration.ofMinutes(5)),
                minutes.identity().userPoolClients().get("Client"));
    }

    @Test
    void aTokenFromAnotherKeyIsRefused() {
        try (LocalAws other = LocalAws.start(LocalAws.Options.ephemeral())) {
            other.createResources(aws.template());
            String foreign = other.identity().accessToken("AgentUserPool", "ada");
            assertThrows(InvalidJwtException.class,
                    () -> verifierFor(aws.identity().issuer("AgentUserPool")).processToClaims(foreign));
        }
    }

    @Test
    void secretReferencesResolveToOneRandomValuePerSecretKeptInTheDataFolder() throws Exception {
        Map<String, String> api = aws.environmentOf(aws.template().function("ApiFunction"));
        Map<String, String> intake = aws.environmentOf(aws.template().function("IntakeFunction"));
        String secret = api.get("TIERLINE_CUSTOMER_TOKEN_SECRET");
        assertFalse(secret.contains("{{resolve"), secret);
        assertTrue(secret.length() >= 43);
        assertEquals(secret, intake.get("TIERLINE_CUSTOMER_TOKEN_SECRET"), "one secret, one value");

        Path folder = Files.createTempDirectory("secrets");
        String first = new LocalSecrets(folder).resolveDynamicReferences("{{resolve:secretsmanager:arn:x:SecretString}}");
        String again = new LocalSecrets(folder).resolveDynamicReferences("{{resolve:secretsmanager:arn:x:SecretString}}");
        assertEquals(first, again, "kept between runs with a data folder");
        assertNotEquals(first, new LocalSecrets(null).resolveDynamicReferences(
                "{{resolve:secretsmanager:arn:x:SecretString}}"));
    }
}
