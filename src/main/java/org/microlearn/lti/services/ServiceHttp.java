package org.microlearn.lti.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.microlearn.lti.ToolEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one HTTP client for calls to platforms: JDK HttpClient with connect and read timeouts, our
 * {@code User-Agent} on every request (Canvas answers 403 without one), no redirects followed
 * (a redirected POST would lose its body or its meaning). Answers come back raw; callers decide.
 */
@Component
class ServiceHttp {

    /** A platform's answer, whatever its status. */
    record Answer(int status, HttpHeaders headers, String body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        List<String> header(String name) {
            List<String> values = headers.get(name); // HttpHeaders ignores the case of names
            return values == null ? List.of() : values;
        }
    }

    private final RestClient client;
    private final Clock clock;
    private final String userAgent;

    ServiceHttp(ServiceProperties properties, ToolEndpoints endpoints, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: the JDK's default HTTP/2 tries an h2c upgrade on plain http, which
                // servers behind some proxies (and Jetty with odd header bytes) answer with a reset.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.userAgent = "Microlearn/" + properties.version() + " (+" + endpoints.baseUrl() + ")";
        this.client = RestClient.builder()
                .requestFactory(factory)
                .defaultHeader(HttpHeaders.USER_AGENT, userAgent)
                .build();
        this.clock = clock;
    }

    String userAgent() {
        return userAgent;
    }

    /**
     * Sends one request and returns the answer; throws {@link PlatformCallException} with status 0
     * only when there is no answer (refused, reset, timed out).
     */
    Answer send(
            HttpMethod method,
            String url,
            String accept,
            String contentType,
            String authorization,
            String body,
            boolean tokenRequest) {
        try {
            RestClient.RequestBodySpec request = client.method(method)
                    .uri(URI.create(url))
                    .headers(headers -> {
                        if (accept != null) {
                            headers.set(HttpHeaders.ACCEPT, accept);
                        }
                        if (contentType != null) {
                            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
                        }
                        if (authorization != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    });
            if (body != null) {
                request.body(body.getBytes(StandardCharsets.UTF_8));
            }
            return request.exchange(
                    (req, response) -> new Answer(
                            response.getStatusCode().value(),
                            response.getHeaders(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)),
                    true);
        } catch (ResourceAccessException e) {
            throw new PlatformCallException(method.name(), url, describe(e), e, tokenRequest);
        }
    }

    /** Retry-After as seconds or as an HTTP date, or null when absent or unreadable. */
    Duration retryAfter(Answer answer) {
        List<String> values = answer.header(HttpHeaders.RETRY_AFTER);
        return values.isEmpty() ? null : retryAfter(values.get(0), clock.instant());
    }

    static Duration retryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    PlatformCallException failure(HttpMethod method, String url, Answer answer, boolean tokenRequest) {
        return new PlatformCallException(
                method.name(), url, answer.status(), answer.body(), retryAfter(answer), tokenRequest);
    }

    private static String describe(ResourceAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return "timed out (" + cause.getMessage() + ")";
        }
        if (cause instanceof IOException) {
            return "no answer (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return "no answer (" + e.getMessage() + ")";
    }
}
