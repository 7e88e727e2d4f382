package org.microlearn.lti.services;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.microlearn.lti.keys.ToolKeys;
import org.microlearn.lti.registration.Platform;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for platform services: OAuth 2 client credentials with a JWT client assertion
 * signed by the tool key (LTI Security Framework, RFC 7523).
 *
 * <p>A token is cached per platform and scope set until shortly before it expires: signing an
 * assertion costs most of a millisecond and the token endpoint a round trip, and some platforms
 * throttle token requests. Concurrent callers wanting the same token wait for one request.
 */
@Component
class ServiceTokens {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    record Key(long platformId, String scopes) {}

    record Token(String value, Duration lifetime) {}

    private final ServiceHttp http;
    private final ToolKeys keys;
    private final JsonMapper json;
    private final ServiceProperties properties;
    private final Clock clock;
    private final Cache<Key, Token> cache;

    ServiceTokens(ServiceHttp http, ToolKeys keys, JsonMapper json, ServiceProperties properties, Clock clock) {
        this.http = http;
        this.keys = keys;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.creating((Key key, Token token) -> token.lifetime()))
                .build();
    }

    /** A valid access token for the scopes, from the cache or the platform's token endpoint. */
    String accessToken(Platform platform, Collection<String> scopes) {
        return cache.get(key(platform, scopes), key -> request(platform, key.scopes()))
                .value();
    }

    /** Forgets a token the platform refused (401), unless another caller has already replaced it. */
    void invalidate(Platform platform, Collection<String> scopes, String refused) {
        cache.asMap()
                .computeIfPresent(
                        key(platform, scopes), (key, token) -> token.value().equals(refused) ? null : token);
    }

    private static Key key(Platform platform, Collection<String> scopes) {
        return new Key(platform.id(), String.join(" ", new TreeSet<>(scopes)));
    }

    private Token request(Platform platform, String scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", clientAssertion(platform));
        form.put("scope", scopes);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ServiceHttp.Answer answer = http.send(
                HttpMethod.POST,
                platform.tokenUrl(),
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                null,
                body,
                true);
        if (!answer.isSuccess()) {
            throw http.failure(HttpMethod.POST, platform.tokenUrl(), answer, true);
        }
        JsonNode token;
        try {
            token = json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw new PlatformCallException(
                    "POST", platform.tokenUrl(), answer.status(), "not JSON: " + answer.body(), null, true);
        }
        String value = token.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw new PlatformCallException(
                    "POST", platform.tokenUrl(), answer.status(), "no access_token in " + answer.body(), null, true);
        }
        // Platforms send expires_in as a number or a string; one hour is the common default.
        long expiresIn = token.path("expires_in").asLong(3600);
        Duration lifetime = Duration.ofSeconds(expiresIn).minus(properties.tokenRefreshMargin());
        if (lifetime.compareTo(Duration.ofSeconds(expiresIn / 2)) < 0) {
            lifetime = Duration.ofSeconds(expiresIn / 2); // a very short-lived token: use half of it
        }
        return new Token(value, lifetime);
    }

    /** iss = sub = client_id, aud = the token endpoint (or the audience the platform asks for). */
    String clientAssertion(Platform platform) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(List.of(platform.clientAssertionAudience()))
                // A few seconds back, so a platform whose clock runs slightly behind accepts it.
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(properties.clientAssertionLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return keys.sign(claims);
    }
}
