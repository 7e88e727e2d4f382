package org.microlearn.lti.keys;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rotationPeriod how long a key signs before the next one takes over
 * @param retiredKeyRetention how long a retired key stays published (longer than any token we sign lives)
 * @param keySize RSA modulus length in bits
 */
@Validated
@ConfigurationProperties("microlearn.lti.keys")
record LtiKeyProperties(
        @NotNull @DefaultValue("P90D") Duration rotationPeriod,
        @NotNull @DefaultValue("P1D") Duration retiredKeyRetention,
        @Min(2048) @DefaultValue("2048") int keySize) {}
