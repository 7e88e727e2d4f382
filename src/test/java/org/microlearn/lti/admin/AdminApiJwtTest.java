package org.microlearn.lti.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.TestHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API also accepts JWTs of an OpenID issuer the operator trusts, with the admin scope. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminApiJwtTest {

    static final WireMockServer issuer =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey key = FakePlatform.newKey();

    static {
        issuer.start();
        issuer.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"issuer\":\"" + issuer.baseUrl() + "\",\"jwks_uri\":\"" + issuer.baseUrl()
                                + "/jwks\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        issuer.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void trustTheIssuer(DynamicPropertyRegistry registry) {
        registry.add("microlearn.admin.jwt-issuer-uri", issuer::baseUrl);
    }

    @AfterAll
    static void stop() {
        issuer.stop();
    }

    @LocalServerPort
    int port;

    static String token(String scope) {
        Instant now = Instant.now();
        return FakePlatform.sign(
                new JWTClaimsSet.Builder()
                        .issuer(issuer.baseUrl())
                        .subject("ops-automation")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("scope", scope)
                        .build(),
                key);
    }

    @Test
    void aJwtWithTheAdminScopeMayCallTheApi() {
        HttpResponse<String> response = new TestHttp(port)
                .get("/api/admin/platforms", "Authorization", "Bearer " + token("openid microlearn.admin"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aJwtWithoutTheAdminScopeIsRefused() {
        HttpResponse<String> response =
                new TestHttp(port).get("/api/admin/platforms", "Authorization", "Bearer " + token("openid profile"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("microlearn.admin");
    }
}
