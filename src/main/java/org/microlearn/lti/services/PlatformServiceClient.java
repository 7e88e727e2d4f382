package org.microlearn.lti.services;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.microlearn.lti.registration.Platform;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Calls one platform service with an access token: spaced by the platform's rate limit, and
 * retried once with a fresh token when the platform says the cached one is no longer valid (401:
 * platforms revoke tokens early, or their clock disagrees with ours).
 */
@Component
class PlatformServiceClient {

    private final ServiceHttp http;
    private final ServiceTokens tokens;
    private final PlatformRateLimiter limiter;
    private final ServiceProperties properties;
    private final java.time.Clock clock;

    PlatformServiceClient(
            ServiceHttp http,
            ServiceTokens tokens,
            PlatformRateLimiter limiter,
            ServiceProperties properties,
            java.time.Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
    }

    /** The successful answer, or a {@link PlatformCallException} naming the platform's status and body. */
    ServiceHttp.Answer call(
            Platform platform,
            Collection<String> scopes,
            HttpMethod method,
            String url,
            String accept,
            String contentType,
            String body) {
        String token = tokens.accessToken(platform, scopes);
        ServiceHttp.Answer answer = send(platform, method, url, accept, contentType, token, body);
        if (answer.status() == 401) {
            tokens.invalidate(platform, scopes, token);
            token = tokens.accessToken(platform, scopes);
            answer = send(platform, method, url, accept, contentType, token, body);
        }
        if (!answer.isSuccess()) {
            PlatformCallException failure = http.failure(method, url, answer, false);
            if (answer.status() == 429 && failure.retryAfter() != null) {
                limiter.pauseUntil(platform.id(), clock.instant().plus(failure.retryAfter()));
            }
            throw failure;
        }
        return answer;
    }

    /**
     * Every page of a paged GET, following {@code Link: <...>; rel="next"}, each page read by
     * {@code items}. Stops at a URL already fetched or after the configured number of pages.
     */
    <T> List<T> allPages(
            Platform platform,
            Collection<String> scopes,
            String firstUrl,
            String accept,
            Function<String, List<T>> items) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = firstUrl;
        while (url != null && seen.add(url) && seen.size() <= properties.maxPages()) {
            ServiceHttp.Answer answer = call(platform, scopes, HttpMethod.GET, url, accept, null, null);
            all.addAll(items.apply(answer.body()));
            url = LinkHeaders.next(answer.header("Link")).orElse(null);
        }
        return all;
    }

    private ServiceHttp.Answer send(
            Platform platform,
            HttpMethod method,
            String url,
            String accept,
            String contentType,
            String token,
            String body) {
        limiter.acquire(platform.id());
        return http.send(method, url, accept, contentType, "Bearer " + token, body, false);
    }
}
