package org.microlearn.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.LaunchDriver;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

@MicrolearnTest
class LaunchFlowTest {

    static final String LEARNER = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner";
    static final String INSTRUCTOR = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Instructor";
    static final String INSTITUTION_ADMIN = LtiClaims.ROLE_PREFIX_INSTITUTION + "Administrator";

    static WireMockServer lms =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

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
    }

    @Test
    void aMoodleLearnerLaunchesAndLandsSignedInAsATeacher() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        long platformId = registrations.register(moodle.registration()).id();

        LaunchDriver.Login login = browser.login(moodle, "4");
        assertThat(login.authorizationRedirect().toString()).startsWith(moodle.authorizationUrl());
        var query = UriComponentsBuilder.fromUri(login.authorizationRedirect())
                .build()
                .getQueryParams();
        assertThat(query.toSingleValueMap())
                .containsEntry("scope", "openid")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("prompt", "none")
                .containsEntry("client_id", moodle.clientId())
                .containsEntry("redirect_uri", "http://localhost:8080/lti/launch")
                .containsEntry("login_hint", "4");
        assertThat(query.getFirst("lti_message_hint")).contains("cmid");
        assertThat(login.state()).hasSize(43);
        assertThat(login.nonce()).hasSize(43).isNotEqualTo(login.state());
        String setCookie = login.response().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=None", "Partitioned");

        String idToken = moodle.sign(moodle.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "4", LEARNER)
                .build());
        HttpResponse<String> launched = browser.launch(login, idToken);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).contains("/learn?access_token=");
        // Both redirects carry state or a session token: never cached, and the binding cookie is spent.
        for (HttpResponse<String> redirect : List.of(login.response(), launched)) {
            assertThat(redirect.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("no-store");
            assertThat(redirect.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(launched.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(setCookie.substring(0, setCookie.indexOf('=') + 1) + ";")
                .contains("Max-Age=0", "Partitioned");
        // Answered ahead of Spring MVC, and timed by the fast path instead of the generic observation.
        for (String endpoint : List.of("login", "launch")) {
            assertThat(meters.find(LaunchFastPath.TIMER)
                            .tags("endpoint", endpoint, "status", "302")
                            .timer())
                    .as(endpoint)
                    .isNotNull()
                    .satisfies(timer -> assertThat(timer.count()).isPositive());
            assertThat(meters.find("http.server.requests")
                            .tags("uri", "/lti/" + endpoint)
                            .timer())
                    .isNull();
        }

        HttpResponse<String> page = browser.follow(launched);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sam Student").contains("My learning");
        // Links on the page carry the session, so the next click needs no cookie either.
        assertThat(page.body()).containsPattern("href=\"/learn/portfolio\\?access_token=[^\"]+\"");

        long educators = jdbc.sql("SELECT COUNT(*) FROM educator WHERE platform_id = ? AND subject = '4'")
                .param(platformId)
                .query(Long.class)
                .single();
        assertThat(educators).isEqualTo(1);
        Map<String, Object> context = jdbc.sql(
                        "SELECT lineitems_url, memberships_url, product_family FROM lti_context WHERE platform_id = ?")
                .param(platformId)
                .query()
                .singleRow();
        assertThat(context.get("lineitems_url").toString()).endsWith("/mod/lti/services.php/2/lineitems?type_id=1");
        assertThat(context.get("memberships_url").toString()).endsWith("/bindings/1/memberships");
        assertThat(context.get("product_family")).isEqualTo("moodle");
        String lineItem = jdbc.sql(
                        "SELECT lineitem_url FROM lti_resource_link WHERE platform_id = ? AND resource_link_id = '1'")
                .param(platformId)
                .query(String.class)
                .single();
        assertThat(lineItem).endsWith("/lineitems/2/lineitem?type_id=1");
    }

    /** A database in trouble is the tool's problem, not the platform's: 503, when to retry, a page. */
    @Test
    void aLoginTheDatabaseCannotStoreIsServiceUnavailable() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        registrations.register(moodle.registration());
        // Every insert is a deadlock victim, so the retries run out too.
        jdbc.sql("""
                        CREATE TRIGGER test_login_store_down BEFORE INSERT ON lti_login_state FOR EACH ROW
                        SIGNAL SQLSTATE '40001' SET MESSAGE_TEXT = 'Deadlock found (test)'""").update();
        HttpResponse<String> refused;
        try {
            refused = http.postForm("/lti/login", LaunchDriver.loginParameters(moodle, "9"), "Accept", "text/html");
        } finally {
            jdbc.sql("DROP TRIGGER test_login_store_down").update();
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.body()).contains("Something failed on our side").doesNotContain("Deadlock");
        assertThat(meters.find(LaunchFastPath.TIMER)
                        .tags("endpoint", "login", "status", "503")
                        .timer())
                .isNotNull();
        assertThat(browser.login(moodle, "9").state()).hasSize(43);
    }

    /** Relaunches with the same facts skip the database; changed facts must still be written. */
    @Test
    void aRelaunchWithNewFactsIsRecordedAndOneWithTheSameFactsLandsTheSame() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        long platformId = registrations.register(moodle.registration()).id();

        String first = launchedTo(moodle, moodle.resourceLinkLaunch(null, LaunchDriver.TARGET, "7", LEARNER));
        String again = launchedTo(moodle, moodle.resourceLinkLaunch(null, LaunchDriver.TARGET, "7", LEARNER));
        assertThat(first).contains("/learn?");
        assertThat(again).contains("/learn?");

        String promoted = launchedTo(
                moodle,
                moodle.resourceLinkLaunch(null, LaunchDriver.TARGET, "7", INSTRUCTOR)
                        .claim("name", "Sam Promoted"));
        assertThat(promoted).contains("/coach?");
        Map<String, Object> recorded = jdbc.sql("""
                        SELECT e.name, m.roles FROM educator e JOIN course_membership m ON m.educator_id = e.id
                        WHERE e.platform_id = ? AND e.subject = '7'""").param(platformId).query().singleRow();
        assertThat(recorded).containsEntry("name", "Sam Promoted").containsEntry("roles", "COACH");
    }

    /** A full login and launch; the claims' nonce is the login's. Returns where the launch redirects. */
    private String launchedTo(FakePlatform platform, com.nimbusds.jwt.JWTClaimsSet.Builder claims) {
        LaunchDriver.Login login = browser.login(platform, "7");
        HttpResponse<String> launched = browser.launch(
                login, platform.sign(claims.claim("nonce", login.nonce()).build()));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        return launched.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aCanvasAdministratorLaunchesWithCanvasLoginParameters() {
        FakePlatform canvas = FakePlatform.canvas(lms);
        registrations.register(canvas.registration());
        Map<String, String> parameters = LaunchDriver.loginParameters(canvas, "canvas-user-1");
        parameters.remove("lti_deployment_id");
        parameters.put("deployment_id", canvas.deploymentId()); // Canvas's name for it
        parameters.put("canvas_region", "us-east-1");
        LaunchDriver.Login login = browser.login(parameters);

        String idToken = canvas.sign(canvas.resourceLinkLaunch(
                        login.nonce(), LaunchDriver.TARGET, "canvas-user-1", INSTRUCTOR, INSTITUTION_ADMIN)
                .build());
        HttpResponse<String> launched = browser.launch(login, idToken);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).contains("/admin?access_token=");
        HttpResponse<String> page = browser.follow(launched);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dashboard").contains("Coaching");
    }

    @Test
    void aLoginByGetWorksToo() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        registrations.register(moodle.registration());
        var query = new StringBuilder("/lti/login?");
        LaunchDriver.loginParameters(moodle, "5")
                .forEach((k, v) -> query.append(k)
                        .append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&'));
        HttpResponse<String> response = http.get(query.toString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(moodle.authorizationUrl());
    }

    @Test
    void deepLinkingOpensTheLessonPickerAndSubmissionReviewTheTeachersWork() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        registrations.register(moodle.registration());

        LaunchDriver.Login login = browser.login(moodle, "3");
        String deepLinking = moodle.sign(moodle.deepLinkingLaunch(login.nonce(), LaunchDriver.TARGET, "3")
                .build());
        HttpResponse<String> launched = browser.launch(login, deepLinking);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).contains("/coach/deep-linking/");
        assertThat(browser.follow(launched).statusCode()).isEqualTo(200);

        LaunchDriver.Login teacher = browser.login(moodle, "4");
        browser.launch(
                teacher,
                moodle.sign(moodle.resourceLinkLaunch(teacher.nonce(), LaunchDriver.TARGET, "4", LEARNER)
                        .build()));
        LaunchDriver.Login review = browser.login(moodle, "3");
        String submissionReview =
                moodle.sign(moodle.resourceLinkLaunch(review.nonce(), LaunchDriver.TARGET, "3", INSTRUCTOR)
                        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.SUBMISSION_REVIEW_REQUEST)
                        .claim(LtiClaims.FOR_USER, Map.of("user_id", "4"))
                        .build());
        HttpResponse<String> reviewed = browser.launch(review, submissionReview);
        assertThat(reviewed.headers().firstValue("Location").orElseThrow())
                .contains("/coach/submission-review?user=4&resourceLink=1");
        HttpResponse<String> page = browser.follow(reviewed);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sam Student");
    }

    @Test
    void aPlatformThatRotatesItsKeyIsFollowedOnTheUnknownKid() {
        FakePlatform moodle = FakePlatform.moodle(lms);
        registrations.register(moodle.registration());
        LaunchDriver.Login first = browser.login(moodle, "6");
        assertThat(browser.launch(
                                first,
                                moodle.sign(moodle.resourceLinkLaunch(first.nonce(), LaunchDriver.TARGET, "6", LEARNER)
                                        .build()))
                        .statusCode())
                .isEqualTo(302);

        moodle.rotateKey();
        LaunchDriver.Login second = browser.login(moodle, "6");
        HttpResponse<String> launched = browser.launch(
                second,
                moodle.sign(moodle.resourceLinkLaunch(second.nonce(), LaunchDriver.TARGET, "6", LEARNER)
                        .build()));
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
    }
}
