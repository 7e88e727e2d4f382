package org.microlearn.lti.dynamicregistration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP to a platform during registration: every answer comes back as status and text, whatever
 * the status, so that the administrator can be shown exactly what the platform said.
 */
@Component
class PlatformClient {

    /** Larger answers are cut here: a configuration or registration is a few kilobytes. */
    private static final int MAX_BODY_BYTES = 512 * 1024;

    /** What the platform answered. */
    record Answer(int status, String body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** The platform could not be reached, or did not answer in time. */
    static class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RestClient http;

    PlatformClient(DynamicRegistrationProperties properties) {
        // No redirects: the URLs checked are the URLs called.
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
                .requestFactory(factory)
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .build();
    }

    Answer get(String url, String bearerToken) {
        return call(
                url,
                () -> http.get()
                        .uri(URI.create(url))
                        .accept(MediaType.APPLICATION_JSON)
                        .headers(headers -> bearer(headers, bearerToken))
                        .exchange(
                                (request, response) ->
                                        new Answer(response.getStatusCode().value(), text(response.getBody())),
                                true));
    }

    Answer postJson(String url, String bearerToken, String json) {
        return call(
                url,
                () -> http.post()
                        .uri(URI.create(url))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .headers(headers -> bearer(headers, bearerToken))
                        .body(json)
                        .exchange(
                                (request, response) ->
                                        new Answer(response.getStatusCode().value(), text(response.getBody())),
                                true));
    }

    private static Answer call(String url, java.util.function.Supplier<Answer> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            String reason = cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            throw new Unreachable(reason, e);
        }
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null && !token.isBlank()) {
            headers.setBearerAuth(token);
        }
    }

    private static String text(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        return new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }
}
