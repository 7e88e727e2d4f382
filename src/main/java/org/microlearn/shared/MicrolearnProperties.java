package org.microlearn.shared;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings that every module shares.
 *
 * @param baseUrl the public base URL of the tool ({@code MICROLEARN_BASE_URL}); every URL handed
 *     to an LMS starts with it
 */
@Validated
@ConfigurationProperties("microlearn")
public record MicrolearnProperties(@NotNull URI baseUrl) {

    /** An absolute URL for a path of this tool, e.g. {@code url("/lti/login")}. */
    public String url(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
