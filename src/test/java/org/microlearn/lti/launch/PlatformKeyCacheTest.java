package org.microlearn.lti.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.Platform;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.MutableClock;
import org.springframework.web.client.RestClient;

class PlatformKeyCacheTest {

    static final String JWKS = "/certs";

    final WireMockServer lms =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final LtiProperties properties = new LtiProperties(
            Duration.ofMinutes(10),
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(24),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2));
    PlatformKeyCache cache;
    Platform platform;
    RSAKey first = FakePlatform.newKey();

    @BeforeEach
    void setUp() {
        lms.start();
        cache = new PlatformKeyCache(RestClient.builder(), properties, clock);
        platform = new Platform(
                1L,
                lms.baseUrl(),
                "client",
                null,
                lms.baseUrl() + "/auth",
                lms.baseUrl() + "/token",
                lms.baseUrl() + JWKS,
                null,
                false,
                null);
    }

    @AfterEach
    void tearDown() {
        lms.stop();
    }

    void publish(String cacheControl, RSAKey... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append(keys[i].toPublicJWK().toJSONString());
        }
        lms.stubFor(get(urlPathEqualTo(JWKS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", cacheControl)
                        .withBody(json.append("]}").toString())));
    }

    int fetches() {
        return lms.countRequestsMatching(getRequestedFor(urlPathEqualTo(JWKS)).build())
                .getCount();
    }

    @Test
    void keepsKeysAsLongAsCacheControlSays() {
        publish("max-age=600", first);
        cache.key(platform, first.getKeyID());
        clock.advance(Duration.ofSeconds(599));
        cache.key(platform, first.getKeyID());
        assertThat(fetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        cache.key(platform, first.getKeyID());
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void anUnknownKidRefetchesOnceAndThenOnlyAfterTheInterval() {
        publish("max-age=3600", first);
        cache.key(platform, first.getKeyID());
        RSAKey rotated = FakePlatform.newKey();
        publish("max-age=3600", first, rotated);
        assertThat(cache.key(platform, rotated.getKeyID()).getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(fetches()).isEqualTo(2);

        for (int i = 0; i < 20; i++) {
            String forged = "forged-" + i;
            assertThatThrownBy(() -> cache.key(platform, forged))
                    .isInstanceOfSatisfying(
                            LaunchRejected.class, e -> assertThat(e.check()).isEqualTo(LaunchCheck.SIGNING_KEY));
        }
        assertThat(fetches()).as("one refetch for the first forged kid at most").isEqualTo(2);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> cache.key(platform, "forged-again")).isInstanceOf(LaunchRejected.class);
        assertThat(fetches()).isEqualTo(3);
    }

    @Test
    void keepsWorkingOnCachedKeysWhileThePlatformIsDown() {
        publish("max-age=60", first);
        cache.key(platform, first.getKeyID());
        lms.stubFor(get(urlPathEqualTo(JWKS)).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(cache.key(platform, first.getKeyID()).getKeyID()).isEqualTo(first.getKeyID());
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void withoutAnyCachedKeysAnOutageIsNamed() {
        lms.stubFor(get(urlPathEqualTo(JWKS)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> cache.key(platform, "kid")).isInstanceOfSatisfying(LaunchRejected.class, e -> {
            assertThat(e.check()).isEqualTo(LaunchCheck.SIGNING_KEY);
            assertThat(e.detail()).contains("could not be fetched");
        });
    }

    @Test
    void noCacheMeansTheShortestInterval() {
        publish("no-cache", first);
        cache.key(platform, first.getKeyID());
        clock.advance(Duration.ofSeconds(29));
        cache.key(platform, first.getKeyID());
        assertThat(fetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        cache.key(platform, first.getKeyID());
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutKidUsesThePlatformsOnlyKey() {
        publish("max-age=60", first);
        assertThat(cache.key(platform, null).getKeyID()).isEqualTo(first.getKeyID());
        publish("max-age=60", first, FakePlatform.newKey());
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> cache.key(platform, null)).isInstanceOf(LaunchRejected.class);
        assertThat(fetches())
                .as("expired, then one refetch for the ambiguous key")
                .isEqualTo(3);
    }
}
