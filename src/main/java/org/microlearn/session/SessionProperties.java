package org.microlearn.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lifetime how long a session token is valid; pages carry a fresh one once half of it has
 *     passed, so a person who keeps working is never cut off
 */
@Validated
@ConfigurationProperties("microlearn.session")
record SessionProperties(@NotNull @DefaultValue("PT2H") Duration lifetime) {}
