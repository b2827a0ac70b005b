package io.tierline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A stand-in for the template's Cognito user pools: an issuer per pool on loopback that publishes its JWKS at
 * {@code <issuer>/.well-known/jwks.json} (as Cognito does) and signs RS256 access tokens shaped like Cognito's
 * ({@code token_use=access}, {@code client_id}, {@code username}, {@code cognito:groups}) for the seeded demo users.
 * Get one with {@code curl -s -X POST <issuer>/token -d username=alice}; {@code GET <issuer>/users} lists the demo
 * users. Both answer browsers of any origin (CORS): the dashboard, served by the HTTP API on another port, signs in
 * here. They hold nothing secret: anyone on this machine may take any demo user's token, which is the point.
 */
public final class LocalIdentity implements AutoCloseable {
    /** A seeded person: username, description and Cognito groups (role-… and team-…). */
    public record DemoUser(String username, String name, List<String> groups) {
    }

    /** @param clients the template's app clients of this pool; tokens are issued for the first */
    private record Pool(String poolId, RsaJsonWebKey key, List<UserPoolClientDefinition> clients) {
        List<String> clientIds() {
            return clients.stream().map(UserPoolClientDefinition::logicalId).toList();
        }

        /** As long as Cognito's tokens for the same client, so a local session ends when a deployed one would. */
        Duration tokenLifetime() {
            return clients.isEmpty() ? UserPoolClientDefinition.DEFAULT_ACCESS_TOKEN_VALIDITY
                    : clients.get(0).accessTokenValidity();
        }
    }

    private final HttpServer server;
    private final List<DemoUser> users;
    private final Map<String, Pool> poolsByLogicalId = new ConcurrentHashMap<>();

    private LocalIdentity(HttpServer server, List<DemoUser> users) {
        this.server = server;
        this.users = users;
    }

    /** @param port 0 for a free one */
    public static LocalIdentity start(int port) {
        List<DemoUser> users = loadDemoUsers();
        LocalIdentity[] identity = new LocalIdentity[1];
        HttpServer server = LoopbackHttp.start(port, "local-identity",
                s -> s.createContext("/", exchange -> identity[0].handle(exchange)));
        identity[0] = new LocalIdentity(server, users);
        return identity[0];
    }

    private static List<DemoUser> loadDemoUsers() {
        try (InputStream in = LocalIdentity.class.getResourceAsStream("/io/tierline/local/demo-users.json")) {
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode user : Json.read(in.readAllBytes())) {
                List<String> groups = new ArrayList<>();
                user.get("groups").forEach(g -> groups.add(g.asText()));
                users.add(new DemoUser(user.get("username").asText(), user.get("name").asText(), List.copyOf(groups)));
            }
            return List.copyOf(users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the template's pools and clients; each pool gets a fresh RSA key for this run. */
    void register(SamTemplate template) {
        for (String pool : template.identity().userPools()) {
            List<UserPoolClientDefinition> clients = template.identity().userPoolClients().values().stream()
                    .filter(client -> pool.equals(client.userPoolLogicalId())).toList();
            poolsByLogicalId.computeIfAbsent(pool, id -> new Pool(poolId(id), newKey(), clients));
        }
    }

    static String poolId(String logicalId) {
        return LocalAccount.REGION + "_" + logicalId;
    }

    public URI endpoint() {
        return LoopbackHttp.baseUrl(server);
    }

    /** What {@code !GetAtt Pool.ProviderURL} means locally: the issuer, with its scheme (local is plain HTTP). */
    public String issuer(String poolLogicalId) {
        return endpoint() + "/" + pool(poolLogicalId).poolId();
    }

    public List<DemoUser> users() {
        return users;
    }

    /** A signed access token for a demo user, for the pool's first app client. */
    public String accessToken(String poolLogicalId, String username) {
        Pool pool = pool(poolLogicalId);
        DemoUser user = users.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username + "; there are "
                        + users.stream().map(DemoUser::username).toList()));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer(poolLogicalId));
        claims.setSubject(UUID.nameUUIDFromBytes(user.username().getBytes(StandardCharsets.UTF_8)).toString());
        claims.setClaim("token_use", "access");
        claims.setClaim("client_id", pool.clientIds().isEmpty() ? "local" : pool.clientIds().get(0));
        claims.setClaim("scope", "aws.cognito.signin.user.admin");
        claims.setClaim("username", user.username());
        claims.setStringListClaim("cognito:groups", user.groups());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + pool.tokenLifetime().toSeconds()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(pool.key().getPrivateKey());
        jws.setKeyIdHeaderValue(pool.key().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the dashboard gets demo users' tokens, for the pool that owns the app client (or the only pool). */
    public String tokenEndpoint(String clientId) {
        String pool = poolsByLogicalId.entrySet().stream().filter(e -> e.getValue().clientIds().contains(clientId))
                .map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> poolsByLogicalId.size() == 1 ? poolsByLogicalId.keySet().iterator().next() : null);
        if (pool == null) {
            throw new IllegalArgumentException("no local user pool has the app client " + clientId);
        }
        return issuer(pool) + "/token";
    }

    public boolean hasPools() {
        return !poolsByLogicalId.isEmpty();
    }

    public List<String> poolLogicalIds() {
        return List.copyOf(poolsByLogicalId.keySet());
    }

    private Pool pool(String logicalId) {
        Pool pool = poolsByLogicalId.get(logicalId);
        if (pool == null) {
            throw new IllegalArgumentException("The template has no user pool " + logicalId);
        }
        return pool;
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // /<poolId>/.well-known/jwks.json  or  /<poolId>/token
            Pool pool = parts.length >= 3 ? poolsByLogicalId.values().stream()
                    .filter(p -> p.poolId().equals(parts[1])).findFirst().orElse(null) : null;
            String logicalId = pool == null ? null : poolsByLogicalId.entrySet().stream()
                    .filter(e -> e.getValue() == pool).map(Map.Entry::getKey).findFirst().orElse(null);
            if (pool != null && exchange.getRequestURI().getPath().endsWith("/.well-known/jwks.json")) {
                String jwks = new JsonWebKeySet(List.of(pool.key())).toJson();
                reply(exchange, 200, jwks);
            } else if (pool != null && parts[2].equals("users") && "GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 200, Json.write(users));
            } else if (pool != null && parts[2].equals("token") && "POST".equals(exchange.getRequestMethod())) {
                String username = username(exchange);
                try {
                    Map<String, Object> token = new LinkedHashMap<>();
                    token.put("access_token", accessToken(logicalId, username));
                    token.put("token_type", "Bearer");
                    token.put("expires_in", pool.tokenLifetime().toSeconds());
                    reply(exchange, 200, Json.write(token));
                } catch (IllegalArgumentException e) {
                    reply(exchange, 400, Json.write(Map.of("error", "invalid_grant", "error_description",
                            e.getMessage())));
                }
            } else {
                reply(exchange, 404, Json.write(Map.of("message", "Not Found")));
            }
        }
    }

    private static String username(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (body.startsWith("{")) {
            return Json.read(body).path("username").asText("");
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("username=")) {
                return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        LoopbackHttp.stop(server);
    }
}
