package org.microlearn.lti.launch;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Launch settings.
 *
 * @param loginTtl how long a login may take between our redirect to the platform and the launch
 * @param clockSkew tolerance on exp and iat (Moodle sets exp = iat + 60 s)
 * @param maxTokenAge an id_token issued longer ago than this is refused even if its exp allows it
 * @param jwksCacheDefault how long a platform's JWKS is cached when it sends no Cache-Control max-age
 * @param jwksCacheMax the most we cache a platform's JWKS whatever its Cache-Control says
 * @param jwksMinRefetchInterval an unknown kid refetches the JWKS at most this often per platform
 * @param httpTimeout connect and read timeout for fetching platform keys
 */
@Validated
@ConfigurationProperties("microlearn.lti")
public record LtiProperties(
        @NotNull @DefaultValue("PT10M") Duration loginTtl,
        @NotNull @DefaultValue("PT60S") Duration clockSkew,
        @NotNull @DefaultValue("PT10M") Duration maxTokenAge,
        @NotNull @DefaultValue("PT1H") Duration jwksCacheDefault,
        @NotNull @DefaultValue("PT24H") Duration jwksCacheMax,
        @NotNull @DefaultValue("PT30S") Duration jwksMinRefetchInterval,
        @NotNull @DefaultValue("PT5S") Duration httpTimeout) {}
