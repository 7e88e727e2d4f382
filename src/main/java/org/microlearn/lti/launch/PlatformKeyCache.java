package org.microlearn.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.microlearn.lti.registration.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The platforms' public keys, cached per JWKS URL.
 *
 * <ul>
 *   <li>kept as long as the platform's {@code Cache-Control: max-age} says (bounded), else a default;
 *   <li>an unknown {@code kid} refetches once, at most every {@code jwksMinRefetchInterval}, so a
 *       stream of forged kids cannot make us hammer the platform;
 *   <li>when the platform's JWKS endpoint is down, the keys we had keep working.
 * </ul>
 *
 * Nimbus's {@code JWKSourceBuilder} does all but the first, which is why this is our own.
 */
@Component
class PlatformKeyCache {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeyCache.class);

    /** @param forcedAt when an unknown kid last made us refetch, or null */
    private record Cached(JWKSet keys, Instant fetchedAt, Instant freshUntil, Instant forcedAt) {}

    private final Map<String, Cached> byUrl = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final RestClient http;
    private final LtiProperties properties;
    private final Clock clock;

    PlatformKeyCache(RestClient.Builder builder, LtiProperties properties, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.httpTimeout());
        this.http = builder.requestFactory(factory)
                .defaultHeader(HttpHeaders.USER_AGENT, "Microlearn/1.0 (LTI 1.3 tool)")
                .build();
        this.properties = properties;
        this.clock = clock;
    }

    /** The platform's key with this kid (or its only key when the token names none). */
    JWK key(Platform platform, String kid) {
        String url = platform.jwksUrl();
        Cached cached = byUrl.get(url);
        if (cached == null || cached.freshUntil().isBefore(clock.instant())) {
            cached = refresh(platform, cached, false);
        }
        JWK key = find(cached.keys(), kid);
        if (key == null
                && (cached.forcedAt() == null
                        || cached.forcedAt()
                                .plus(properties.jwksMinRefetchInterval())
                                .isBefore(clock.instant()))) {
            cached = refresh(platform, cached, true);
            key = find(cached.keys(), kid);
        }
        if (key == null) {
            throw new LaunchRejected(
                    LaunchCheck.SIGNING_KEY,
                    "the platform's key set at " + url + " has no key with kid " + kid,
                    platform.id());
        }
        return key;
    }

    private static JWK find(JWKSet keys, String kid) {
        if (kid == null) {
            List<JWK> all = keys.getKeys();
            return all.size() == 1 ? all.get(0) : null;
        }
        return keys.getKeyByKeyId(kid);
    }

    private Cached refresh(Platform platform, Cached stale, boolean forUnknownKid) {
        String url = platform.jwksUrl();
        synchronized (locks.computeIfAbsent(url, u -> new Object())) {
            Cached current = byUrl.get(url);
            // Another thread refreshed while we waited for the lock.
            if (current != null && current != stale && !current.freshUntil().isBefore(clock.instant())) {
                return current;
            }
            Instant forcedAt = forUnknownKid ? clock.instant() : (current == null ? null : current.forcedAt());
            try {
                ResponseEntity<String> response = http.get().uri(url).retrieve().toEntity(String.class);
                if (response.getBody() == null) {
                    throw new ParseException("empty response", 0);
                }
                Instant now = clock.instant();
                Cached fresh = new Cached(
                        JWKSet.parse(response.getBody()), now, now.plus(lifetime(response.getHeaders())), forcedAt);
                byUrl.put(url, fresh);
                return fresh;
            } catch (RestClientException | ParseException | IllegalArgumentException e) {
                if (current != null) {
                    // Outage tolerance: keep the keys we have; try again after the refetch interval.
                    log.warn(
                            "Platform {} JWKS refresh failed ({}); using cached keys",
                            platform.issuer(),
                            e.getMessage());
                    Cached kept = new Cached(
                            current.keys(),
                            current.fetchedAt(),
                            clock.instant().plus(properties.jwksMinRefetchInterval()),
                            forcedAt);
                    byUrl.put(url, kept);
                    return kept;
                }
                throw new LaunchRejected(
                        LaunchCheck.SIGNING_KEY,
                        "the platform's key set at " + url + " could not be fetched: " + e.getMessage(),
                        platform.id());
            }
        }
    }

    /** max-age from Cache-Control, bounded; no-store/no-cache mean "only as long as the refetch interval". */
    private Duration lifetime(HttpHeaders headers) {
        String cacheControl = headers.getCacheControl();
        if (cacheControl == null) {
            return properties.jwksCacheDefault();
        }
        String lower = cacheControl.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return properties.jwksMinRefetchInterval();
        }
        for (String directive : lower.split(",")) {
            String d = directive.strip();
            if (d.startsWith("max-age=")) {
                try {
                    Duration maxAge = Duration.ofSeconds(
                            Long.parseLong(d.substring("max-age=".length()).strip()));
                    if (maxAge.compareTo(properties.jwksMinRefetchInterval()) < 0) {
                        return properties.jwksMinRefetchInterval();
                    }
                    return maxAge.compareTo(properties.jwksCacheMax()) > 0 ? properties.jwksCacheMax() : maxAge;
                } catch (NumberFormatException ignored) {
                    return properties.jwksCacheDefault();
                }
            }
        }
        return properties.jwksCacheDefault();
    }

    /** For tests and operators: forget every cached key set. */
    void clear() {
        byUrl.clear();
    }
}
