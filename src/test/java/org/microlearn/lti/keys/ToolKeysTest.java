package org.microlearn.lti.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MicrolearnTest
class ToolKeysTest {

    @Autowired
    ToolKeys keys;

    @LocalServerPort
    int port;

    @Test
    void publishesTheActiveAndTheNextKeyAndSignsVerifiably() throws Exception {
        HttpResponse<String> response = new TestHttp(port).get("/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        JWKSet published = JWKSet.parse(response.body());
        assertThat(published.getKeys()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(published.getKeys()).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(((RSAKey) key).size()).isGreaterThanOrEqualTo(2048);
        });

        SignedJWT jwt = SignedJWT.parse(
                keys.sign(new JWTClaimsSet.Builder().subject("x").build()));
        RSAKey signer = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(signer))).isTrue();
    }

    @Test
    void rotationSignsWithThePreviouslyPublishedNextKeyAndKeepsTheOldOnePublished() throws Exception {
        List<ToolKeys.KeyInfo> before = keys.keys();
        String active = keys.activeKeyId();
        String next = before.stream()
                .filter(k -> k.status().equals("NEXT"))
                .findFirst()
                .orElseThrow()
                .kid();

        keys.rotate();

        assertThat(keys.activeKeyId()).isEqualTo(next);
        JWKSet published =
                JWKSet.parse(new TestHttp(port).get("/.well-known/jwks.json").body());
        assertThat(published.getKeyByKeyId(active))
                .as("retired key still published")
                .isNotNull();
        assertThat(published.getKeyByKeyId(next)).isNotNull();
        assertThat(keys.keys()).filteredOn(k -> k.status().equals("NEXT")).hasSize(1);
        assertThat(keys.keys()).filteredOn(k -> k.status().equals("ACTIVE")).hasSize(1);
        assertThat(keys.keys().stream()
                        .filter(k -> k.kid().equals(active))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo("RETIRED");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anActiveKeyOlderThanTheRotationPeriodIsRotatedAndLongRetiredKeysAreUnpublished() throws Exception {
        keys.rotate(); // leaves a RETIRED key
        String active = keys.activeKeyId();
        String retired = keys.keys().stream()
                .filter(k -> k.status().equals("RETIRED"))
                .findFirst()
                .orElseThrow()
                .kid();
        jdbc.sql("UPDATE lti_tool_key SET activated_at = NOW(6) - INTERVAL 91 DAY WHERE status = 'ACTIVE'")
                .update();
        jdbc.sql("UPDATE lti_tool_key SET retired_at = NOW(6) - INTERVAL 2 DAY WHERE kid = ?")
                .param(retired)
                .update();

        keys.maintain();

        assertThat(keys.activeKeyId()).isNotEqualTo(active);
        JWKSet published =
                JWKSet.parse(new TestHttp(port).get("/.well-known/jwks.json").body());
        assertThat(published.getKeyByKeyId(retired))
                .as("retired two days ago: gone")
                .isNull();
        assertThat(published.getKeyByKeyId(active))
                .as("retired just now: still published")
                .isNotNull();
    }

    @Test
    void operatorsRotateThroughTheAdminApi() {
        String active = keys.activeKeyId();
        HttpResponse<String> response = new TestHttp(port)
                .postJson("/api/admin/keys/rotate", "", "Authorization", "Bearer " + MicrolearnTest.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(keys.activeKeyId()).isNotEqualTo(active);
        assertThat(response.body()).contains(keys.activeKeyId());
    }
}
