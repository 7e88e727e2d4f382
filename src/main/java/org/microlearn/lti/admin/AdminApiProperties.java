package org.microlearn.lti.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call {@code /api/admin/**}: a bearer token equal to {@code token}
 * ({@code MICROLEARN_ADMIN_TOKEN}), or a JWT from {@code jwtIssuerUri} carrying {@code jwtScope}.
 * With neither set, the admin API refuses everyone.
 */
@ConfigurationProperties("microlearn.admin")
record AdminApiProperties(
        String token,
        String jwtIssuerUri,
        @DefaultValue("microlearn.admin") String jwtScope) {

    boolean hasToken() {
        return token != null && !token.isBlank();
    }

    boolean hasJwtIssuer() {
        return jwtIssuerUri != null && !jwtIssuerUri.isBlank();
    }
}
