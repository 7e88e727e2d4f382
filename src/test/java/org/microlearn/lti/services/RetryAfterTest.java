package org.microlearn.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(ServiceHttp.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ServiceHttp.retryAfter(" 3 ", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ServiceHttp.retryAfter("Mon, 23 Nov 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNowAndGarbageMeansNoAdvice() {
        assertThat(ServiceHttp.retryAfter("Mon, 23 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(ServiceHttp.retryAfter("soon", NOW)).isNull();
    }
}
