package org.microlearn.lti.services;

import java.time.Duration;

/**
 * A platform service call that did not succeed: the platform answered with an error status
 * ({@code status > 0}), or could not be reached or timed out ({@code status == 0}).
 *
 * @see #isRetryable()
 */
public class PlatformCallException extends RuntimeException {

    /** The longest platform answer we keep: enough to show an administrator what went wrong. */
    static final int MAX_BODY = 2000;

    private final int status;
    private final String body;
    private final Duration retryAfter;
    private final boolean tokenRequest;

    PlatformCallException(
            String method, String url, int status, String body, Duration retryAfter, boolean tokenRequest) {
        super(method + " " + url + " answered " + status
                + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.body = abbreviate(body);
        this.retryAfter = retryAfter;
        this.tokenRequest = tokenRequest;
    }

    PlatformCallException(String method, String url, String problem, Throwable cause, boolean tokenRequest) {
        super(method + " " + url + " failed: " + problem, cause);
        this.status = 0;
        this.body = problem;
        this.retryAfter = null;
        this.tokenRequest = tokenRequest;
    }

    /** The HTTP status, or 0 when there was no answer (connection refused, timeout). */
    public int status() {
        return status;
    }

    /** What the platform said (abbreviated), or what went wrong on the way. */
    public String body() {
        return body;
    }

    /** The platform's Retry-After (429, 503), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the failed call was the token request rather than the service call. */
    public boolean tokenRequest() {
        return tokenRequest;
    }

    /**
     * Whether trying again later may succeed: no answer, a timeout (408), throttling (429), a
     * server error (5xx), or a 401 that survived one token refresh (a platform whose token
     * service is being repaired). Any other 4xx means the request itself is wrong.
     */
    public boolean isRetryable() {
        return status == 0 || status == 401 || status == 408 || status == 429 || status >= 500;
    }

    static String abbreviate(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "…";
    }
}
