package org.microlearn.lti.dynamicregistration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * LTI Dynamic Registration settings.
 *
 * @param connectTimeout how long to wait for the platform to accept a connection
 * @param readTimeout how long to wait for the platform's answer
 * @param issuersServedElsewhere issuers whose OpenID configuration is legitimately served from
 *     another host than the issuer's: Instructure-hosted Canvas uses one issuer per environment
 *     for every institution, and serves the configuration from the institution's own host
 * @param userAgent the User-Agent of requests to platforms ({@code Microlearn/<version>})
 */
@Validated
@ConfigurationProperties("microlearn.lti.dynamic-registration")
record DynamicRegistrationProperties(
        @NotNull @DefaultValue("PT5S") Duration connectTimeout,
        @NotNull @DefaultValue("PT20S") Duration readTimeout,

        @NotNull
        @DefaultValue({
            "https://canvas.instructure.com",
            "https://canvas.beta.instructure.com",
            "https://canvas.test.instructure.com"
        })
        List<String> issuersServedElsewhere,

        @NotBlank @DefaultValue("Microlearn") String userAgent) {}
