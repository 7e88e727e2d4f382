package org.microlearn.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.shared.MicrolearnProperties;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MicrolearnTest
class SessionTokensTest {

    @Autowired
    SessionTokens tokens;

    @Autowired
    SessionSigningKey key;

    @Autowired
    MicrolearnProperties tool;

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    static Viewer teacher() {
        return new Viewer(7L, 70L, 700L, Set.of(Role.TEACHER), "Tina Teacher", "link-1");
    }

    @Test
    void aTokenInTheUrlOpensThePageAndTravelsInItsLinks() {
        String token = tokens.issue(teacher());
        HttpResponse<String> page = http.get("/learn?access_token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tina Teacher").contains("/learn?access_token=" + token);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Set-Cookie"))
                .as("no session cookie")
                .isEmpty();
    }

    @Test
    void theAuthorizationHeaderWorksToo() {
        HttpResponse<String> page = http.get("/learn", "Authorization", "Bearer " + tokens.issue(teacher()));
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenThePageSaysHowToGetBackIn() {
        HttpResponse<String> page = http.get("/learn");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Your Microlearn session has ended").contains("Open Microlearn again");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issue(teacher());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(http.get("/learn?access_token=" + tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertThat(http.get("/learn?access_token=" + signed(past, past.plusSeconds(60)))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenCloseToExpiryIsReplacedInTheLinks() throws Exception {
        Instant now = Instant.now();
        String old = signed(now.minusSeconds(6000), now.plusSeconds(600));
        HttpResponse<String> page = http.get("/learn?access_token=" + old);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("/learn\\?access_token=([^\"]+)\"").matcher(page.body());
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isNotEqualTo(old);
        assertThat(http.get("/learn?access_token=" + link.group(1)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTeacherMayNotOpenCoachOrAdminPages() {
        String token = tokens.issue(teacher());
        assertThat(http.get("/coach/anything?access_token=" + token).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/admin/anything?access_token=" + token).statusCode())
                .isEqualTo(403);
    }

    private String signed(Instant issuedAt, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(tool.url(""))
                .audience(SessionTokens.AUDIENCE)
                .subject("70")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim(SessionTokens.PLATFORM, 7)
                .claim(SessionTokens.ROLES, List.of("TEACHER"))
                .claim(SessionTokens.NAME, "Tina Teacher")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.key()));
        return jwt.serialize();
    }
}
