package org.microlearn.lti.services;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Microlearn calls platform services (token endpoint, AGS, NRPS).
 *
 * @param version the product version in our {@code User-Agent} (Canvas answers 403 without one)
 * @param connectTimeout how long to wait for a TCP connection to a platform
 * @param readTimeout how long to wait for a platform's answer
 * @param tokenRefreshMargin an access token is replaced this long before the platform says it expires
 * @param clientAssertionLifetime how long a client assertion is valid (the spec asks for short)
 * @param permitsPerSecond calls per second to one platform, unless {@code permitsPerSecondByPlatform}
 *     names the platform's id
 * @param maxPages a paged list (line items, members) stops after this many pages, so a platform
 *     whose next link loops cannot keep us busy forever
 */
@Validated
@ConfigurationProperties("microlearn.lti.services")
record ServiceProperties(
        @NotNull @DefaultValue("dev") String version,
        @NotNull @DefaultValue("PT5S") Duration connectTimeout,
        @NotNull @DefaultValue("PT30S") Duration readTimeout,
        @NotNull @DefaultValue("PT60S") Duration tokenRefreshMargin,
        @NotNull @DefaultValue("PT5M") Duration clientAssertionLifetime,
        @Positive @DefaultValue("10") double permitsPerSecond,
        Map<Long, Double> permitsPerSecondByPlatform,
        @Positive @DefaultValue("1000") int maxPages) {

    ServiceProperties {
        permitsPerSecondByPlatform =
                permitsPerSecondByPlatform == null ? Map.of() : Map.copyOf(permitsPerSecondByPlatform);
    }

    double permitsPerSecond(long platformId) {
        return permitsPerSecondByPlatform.getOrDefault(platformId, permitsPerSecond);
    }
}
