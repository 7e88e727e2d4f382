package org.microlearn.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;

/**
 * A WireMock LMS on a free port, registered with Microlearn. Its token endpoint behaves like a
 * real one: it verifies our client assertion with the tool's published JWKS (signature, kid,
 * iss = sub = client_id, aud, exp, jti replay) and answers 401 invalid_client otherwise; service
 * stubs made with {@link #authorized} accept only tokens it issued and has not revoked.
 */
public final class WireMockLms implements AutoCloseable {

    public enum Kind {
        MOODLE,
        CANVAS
    }

    public final Kind kind;
    public final WireMockServer server;
    public final Platform platform;
    public final TokenEndpoint tokens;

    private WireMockLms(Kind kind, WireMockServer server, Platform platform, TokenEndpoint tokens) {
        this.kind = kind;
        this.server = server;
        this.platform = platform;
        this.tokens = tokens;
    }

    public static WireMockLms moodle(PlatformRegistrations registrations, int toolPort) {
        return moodle(registrations, toolPort, options -> {});
    }

    /** A Moodle whose WireMock is configured further, e.g. without a request journal for load. */
    public static WireMockLms moodle(
            PlatformRegistrations registrations, int toolPort, Consumer<WireMockConfiguration> configuration) {
        return start(Kind.MOODLE, registrations, toolPort, "/mod/lti/token.php", null, configuration);
    }

    /** Canvas signs its assertions' aud differently from its token URL; so does this fake. */
    public static WireMockLms canvas(PlatformRegistrations registrations, int toolPort) {
        return canvas(registrations, toolPort, options -> {});
    }

    public static WireMockLms canvas(
            PlatformRegistrations registrations, int toolPort, Consumer<WireMockConfiguration> configuration) {
        return start(
                Kind.CANVAS,
                registrations,
                toolPort,
                "/login/oauth2/token",
                "https://canvas.instructure.com/login/oauth2/token",
                configuration);
    }

    private static WireMockLms start(
            Kind kind,
            PlatformRegistrations registrations,
            int toolPort,
            String tokenPath,
            String tokenAudience,
            Consumer<WireMockConfiguration> configuration) {
        String clientId = kind.name().toLowerCase() + "-" + UUID.randomUUID();
        TokenEndpoint tokens = new TokenEndpoint("http://localhost:" + toolPort + "/.well-known/jwks.json", clientId);
        WireMockConfiguration options = options().dynamicPort().extensions(tokens);
        configuration.accept(options);
        WireMockServer server = new WireMockServer(options);
        server.start();
        String base = "http://localhost:" + server.port();
        tokens.audience = tokenAudience != null ? tokenAudience : base + tokenPath;
        Platform platform = registrations.register(new PlatformRequest(
                base,
                clientId,
                kind.name(),
                base + "/auth",
                base + tokenPath,
                base + "/jwks",
                tokenAudience,
                false,
                List.of("1")));
        WireMockLms fake = new WireMockLms(kind, server, platform, tokens);
        server.stubFor(post(urlPathEqualTo(tokenPath))
                .willReturn(aResponse().withTransformers(TokenEndpoint.NAME))
                .atPriority(1));
        // Anything else, or a service call without a valid token: refused as a real LMS would.
        server.stubFor(any(anyUrl())
                .atPriority(100)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_token\"}")));
        if (kind == Kind.CANVAS) {
            // Canvas answers 403 to requests without a User-Agent.
            server.stubFor(any(anyUrl())
                    .atPriority(2)
                    .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.absent())
                    .willReturn(
                            aResponse().withStatus(403).withBody("{\"errors\":[{\"message\":\"no user agent\"}]}")));
        }
        return fake;
    }

    public String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** The stub accepts only requests with a token this platform issued and has not revoked. */
    public MappingBuilder authorized(MappingBuilder stub) {
        return stub.andMatching(request -> MatchResult.of(tokens.isValid(request.getHeader("Authorization"))));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The LMS's token endpoint, as a WireMock transformer. */
    public static final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

        static final String NAME = "lti-token-endpoint";

        private final String jwksUrl;
        private final String clientId;
        public volatile String audience;
        public volatile int expiresIn = 3600;
        private final Set<String> valid = ConcurrentHashMap.newKeySet();
        private final Set<String> jtis = ConcurrentHashMap.newKeySet();
        private final AtomicInteger issued = new AtomicInteger();
        public final List<String> failures = new CopyOnWriteArrayList<>();
        public final List<String> scopesRequested = new CopyOnWriteArrayList<>();

        TokenEndpoint(String jwksUrl, String clientId) {
            this.jwksUrl = jwksUrl;
            this.clientId = clientId;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        public int issued() {
            return issued.get();
        }

        /** Every token issued so far stops working, as after an expiry the tool did not foresee. */
        public void revokeAll() {
            valid.clear();
        }

        boolean isValid(String authorization) {
            return authorization != null
                    && authorization.startsWith("Bearer ")
                    && valid.contains(authorization.substring(7));
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            Map<String, String> form = form(request.getBodyAsString());
            String problem = problemWith(form);
            if (problem != null) {
                failures.add(problem);
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + problem + "\"}")
                        .build();
            }
            String token = "tok-" + issued.incrementAndGet() + "-" + UUID.randomUUID();
            valid.add(token);
            scopesRequested.add(form.get("scope"));
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + expiresIn + ",\"scope\":\"" + form.get("scope") + "\"}")
                    .build();
        }

        private String problemWith(Map<String, String> form) {
            if (!"client_credentials".equals(form.get("grant_type"))) {
                return "grant_type must be client_credentials";
            }
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
                return "client_assertion_type must be jwt-bearer";
            }
            if (form.get("scope") == null || form.get("scope").isBlank()) {
                return "scope is required";
            }
            try {
                SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
                if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                    return "alg must be RS256";
                }
                JWKSet jwks = JWKSet.load(URI.create(jwksUrl).toURL());
                RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
                if (key == null) {
                    return "unknown kid " + jwt.getHeader().getKeyID();
                }
                if (!jwt.verify(new RSASSAVerifier(key))) {
                    return "bad signature";
                }
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
                    return "iss and sub must be the client_id";
                }
                if (!claims.getAudience().contains(audience)) {
                    return "aud must contain " + audience + " but was " + claims.getAudience();
                }
                Instant now = Instant.now();
                if (claims.getExpirationTime() == null
                        || claims.getExpirationTime().toInstant().isBefore(now)) {
                    return "expired";
                }
                if (claims.getIssueTime() == null
                        || claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))
                        || claims.getExpirationTime().toInstant().isAfter(now.plusSeconds(600))) {
                    return "iat/exp out of range";
                }
                if (claims.getJWTID() == null || !jtis.add(claims.getJWTID())) {
                    return "jti missing or replayed";
                }
                return null;
            } catch (Exception e) {
                return "unreadable assertion: " + e.getMessage();
            }
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Collections.unmodifiableMap(form);
        }
    }

    /** Request bodies the platform received at a path, oldest first. */
    public List<String> bodiesAt(String pathAndQuery) {
        List<String> bodies = new ArrayList<>();
        server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(pathAndQuery))
                .sorted((a, b) ->
                        a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .forEach(e -> bodies.add(e.getRequest().getBodyAsString()));
        return bodies;
    }
}
