package org.microlearn.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.LaunchDriver;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One failing launch per check: the specific status, and a page or problem that names the check. */
@MicrolearnTest
class LaunchChecksTest {

    static final String LEARNER = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner";
    static WireMockServer lms =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static FakePlatform moodle;

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TestHttp http;
    LaunchDriver browser;

    @BeforeAll
    static void startLms() {
        lms.start();
    }

    @AfterAll
    static void stopLms() {
        lms.stop();
    }

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        browser = new LaunchDriver(http);
        if (moodle == null) {
            moodle = FakePlatform.moodle(lms);
            registrations.register(moodle.registration());
        }
    }

    // --- login -----------------------------------------------------------------------------

    @Test
    void aLoginWithoutLoginHint() {
        var parameters = LaunchDriver.loginParameters(moodle, "4");
        parameters.remove("login_hint");
        assertRejected(http.postForm("/lti/login", parameters), 400, "login_request", "login_hint");
    }

    @Test
    void aLoginFromAnUnregisteredPlatform() {
        var parameters = LaunchDriver.loginParameters(moodle, "4");
        parameters.put("iss", "https://unknown.example.org");
        assertRejected(http.postForm("/lti/login", parameters), 400, "platform", "https://unknown.example.org");
    }

    @Test
    void aLoginFromAnUnregisteredDeployment() {
        var parameters = LaunchDriver.loginParameters(moodle, "4");
        parameters.put("lti_deployment_id", "99");
        assertRejected(http.postForm("/lti/login", parameters), 400, "deployment", "99");
    }

    @Test
    void thePlatformAnswersWithAnError() {
        HttpResponse<String> response = http.postForm(
                "/lti/launch",
                TestHttp.form("error", "login_required", "error_description", "The user is not logged in"));
        assertRejected(response, 400, "platform_error", "login_required");
    }

    // --- state and browser -------------------------------------------------------------------

    @Test
    void anUnknownState() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        HttpResponse<String> response =
                browser.launchWithoutCookie("x".repeat(43), valid(login).build().toString(), "Cookie", login.cookie());
        assertRejected(response, 400, "state", "unknown, expired or already used");
    }

    @Test
    void aReplayedLaunchFailsOnItsState() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        String idToken = moodle.sign(valid(login).build());
        assertThat(browser.launch(login, idToken).statusCode()).isEqualTo(302);
        assertRejected(browser.launch(login, idToken), 400, "state", "already used");
    }

    @Test
    void aLaunchFromABrowserWithoutTheLoginCookie() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        HttpResponse<String> response = browser.launchWithoutCookie(
                login.state(), moodle.sign(valid(login).build()));
        assertRejected(response, 401, "browser_binding", "cookie did not come back");
    }

    // --- the token itself ----------------------------------------------------------------------

    @Test
    void anIdTokenThatIsNotAJwt() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        assertRejected(browser.launch(login, "not-a-jwt"), 400, "token_format", "cannot be parsed");
    }

    @Test
    void anUnsignedIdToken() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        String unsigned = new PlainJWT(valid(login).build()).serialize();
        assertRejected(browser.launch(login, unsigned), 400, "algorithm", "none");
    }

    @Test
    void anHmacSignedIdToken() throws Exception {
        LaunchDriver.Login login = browser.login(moodle, "4");
        SignedJWT hmac =
                new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid(login).build());
        hmac.sign(new MACSigner("a-shared-secret-that-is-at-least-256-bits-long!!"));
        assertRejected(browser.launch(login, hmac.serialize()), 400, "algorithm", "HS256");
    }

    @Test
    void aKeyThePlatformNeverPublished() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        RSAKey stranger = FakePlatform.newKey();
        assertRejected(
                browser.launch(login, FakePlatform.sign(valid(login).build(), stranger)),
                401,
                "signing_key",
                stranger.getKeyID());
    }

    @Test
    void aForgedSignatureUnderThePlatformsKid() throws Exception {
        LaunchDriver.Login login = browser.login(moodle, "4");
        RSAKey forger = new RSAKey.Builder(FakePlatform.newKey())
                .keyID(moodle.key().getKeyID())
                .build();
        assertRejected(
                browser.launch(login, FakePlatform.sign(valid(login).build(), forger)),
                401,
                "signature",
                "does not verify");
    }

    @Test
    void anotherIssuer() {
        assertClaimRejected(c -> c.issuer("https://evil.example.org"), 400, "issuer", "https://evil.example.org");
    }

    @Test
    void anotherAudience() {
        assertClaimRejected(c -> c.audience("another-tool"), 400, "audience", "another-tool");
    }

    @Test
    void severalAudiencesWithoutAuthorizedParty() {
        assertClaimRejected(
                c -> c.audience(List.of(moodle.clientId(), "another-tool")), 400, "authorized_party", "no azp");
    }

    @Test
    void anAuthorizedPartyThatIsNotUs() {
        assertClaimRejected(
                c -> c.audience(List.of(moodle.clientId(), "x")).claim("azp", "x"),
                400,
                "authorized_party",
                "azp is x");
    }

    @Test
    void anExpiredIdToken() {
        Instant past = Instant.now().minusSeconds(300);
        assertClaimRejected(
                c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))),
                400,
                "expired",
                "has passed");
    }

    @Test
    void anIdTokenIssuedInTheFuture() {
        Instant future = Instant.now().plusSeconds(600);
        assertClaimRejected(
                c -> c.issueTime(Date.from(future)).expirationTime(Date.from(future.plusSeconds(60))),
                400,
                "issued_at",
                "in the future");
    }

    @Test
    void anotherNonce() {
        assertClaimRejected(c -> c.claim("nonce", "NKuJrmoX0S8uVu91FjqrpA"), 400, "nonce", "does not match");
    }

    @Test
    void anUnregisteredDeploymentInTheToken() {
        assertClaimRejected(
                c -> c.claim(LtiClaims.DEPLOYMENT_ID, "2"), 400, "deployment", "deployment_id 2 is not registered");
    }

    @Test
    void anotherLtiVersion() {
        assertClaimRejected(c -> c.claim(LtiClaims.VERSION, "1.1"), 400, "version", "1.1");
    }

    @Test
    void anUnsupportedMessageType() {
        assertClaimRejected(
                c -> c.claim(LtiClaims.MESSAGE_TYPE, "LtiStartProctoring"), 400, "message_type", "LtiStartProctoring");
    }

    @Test
    void aResourceLinkLaunchWithoutResourceLink() {
        assertClaimRejected(
                c -> c.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "x")), 400, "required_claim", "resource_link.id");
    }

    @Test
    void aLaunchWithoutSubject() {
        assertClaimRejected(c -> c.subject(null), 400, "required_claim", "sub is missing");
    }

    @Test
    void anotherTargetLinkUri() {
        assertClaimRejected(
                c -> c.claim(LtiClaims.TARGET_LINK_URI, "https://evil.example.org/launch"),
                400,
                "target_link_uri",
                "evil");
    }

    @Test
    void aClientThatAsksForJsonGetsProblemDetails() {
        LaunchDriver.Login login = browser.login(moodle, "4");
        String idToken =
                moodle.sign(valid(login).claim(LtiClaims.VERSION, "1.1").build());
        HttpResponse<String> response = http.postForm(
                "/lti/launch",
                TestHttp.form("id_token", idToken, "state", login.state()),
                "Cookie",
                login.cookie(),
                "Accept",
                "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"check\":\"version\"").contains("The LTI version is not 1.3.0");
    }

    @Test
    void aPlatformThatAutoProvisionsDeploymentsRecordsNewOnes() {
        FakePlatform canvas = FakePlatform.canvas(lms);
        PlatformRequest request = canvas.registration();
        long id = registrations
                .register(new PlatformRequest(
                        request.issuer(),
                        request.clientId(),
                        request.name(),
                        request.authorizationUrl(),
                        request.tokenUrl(),
                        request.jwksUrl(),
                        null,
                        true,
                        List.of()))
                .id();
        LaunchDriver.Login login = browser.login(canvas, "u1");
        HttpResponse<String> response = browser.launch(
                login,
                canvas.sign(canvas.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "u1", LEARNER)
                        .build()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(registrations.find(id).orElseThrow().deploymentIds()).containsExactly(canvas.deploymentId());
    }

    // --- helpers -------------------------------------------------------------------------------

    private JWTClaimsSet.Builder valid(LaunchDriver.Login login) {
        return moodle.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "4", LEARNER);
    }

    private void assertClaimRejected(
            UnaryOperator<JWTClaimsSet.Builder> change, int status, String check, String detail) {
        LaunchDriver.Login login = browser.login(moodle, "4");
        String idToken = moodle.sign(change.apply(valid(login)).build());
        assertRejected(browser.launch(login, idToken), status, check, detail);
    }

    static void assertRejected(HttpResponse<String> response, int status, String check, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<code id=\"failed-check\">" + check + "</code>");
        assertThat(response.body().replace("&#39;", "'").replace("&quot;", "\""))
                .contains(detail);
    }
}
