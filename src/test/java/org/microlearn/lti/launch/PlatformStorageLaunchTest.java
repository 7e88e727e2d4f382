package org.microlearn.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.FakePlatform;
import org.microlearn.testsupport.LaunchDriver;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The protocol side of LTI platform storage, for browsers that drop our cookie: the pages it
 * serves and the server checks behind them (the browser test drives the scripts for real).
 */
@MicrolearnTest
class PlatformStorageLaunchTest {

    static final String LEARNER = LtiClaims.ROLE_PREFIX_MEMBERSHIP + "Learner";
    static WireMockServer lms =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        lms.start();
    }

    @AfterAll
    static void stop() {
        lms.stop();
    }

    record StorageLogin(String state, String nonce, String value) {}

    StorageLogin loginOfferingStorage(TestHttp http, FakePlatform canvas) {
        Map<String, String> parameters = LaunchDriver.loginParameters(canvas, "u1");
        parameters.put("lti_storage_target", "post_message_forwarding");
        HttpResponse<String> page = http.postForm("/lti/login", parameters);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-target=\"post_message_forwarding\"")
                .contains("data-platform-origin=\"" + lms.baseUrl() + "\"")
                .contains("/js/lti-platform-storage.js");
        assertThat(page.headers().firstValue("Set-Cookie")).isPresent();
        String next = HtmlUtils.htmlUnescape(attribute(page.body(), "data-next"));
        var query = UriComponentsBuilder.fromUriString(next).build().getQueryParams();
        StorageLogin login = new StorageLogin(
                query.getFirst("state"), query.getFirst("nonce"), attribute(page.body(), "data-value"));
        assertThat(attribute(page.body(), "data-key")).isEqualTo(BrowserBinding.STORAGE_KEY_PREFIX + login.state());
        return login;
    }

    @Test
    void withoutTheCookieTheLaunchFinishesThroughPlatformStorage() {
        TestHttp http = new TestHttp(port);
        FakePlatform canvas = FakePlatform.canvas(lms);
        registrations.register(canvas.registration());
        StorageLogin login = loginOfferingStorage(http, canvas);

        String idToken = canvas.sign(canvas.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "u1", LEARNER)
                .build());
        HttpResponse<String> waiting = new LaunchDriver(http).launchWithoutCookie(login.state(), idToken);
        assertThat(waiting.statusCode()).isEqualTo(200);
        String pending = pendingId(waiting.body());

        HttpResponse<String> wrong =
                http.postForm("/lti/launch/complete", TestHttp.form("pending", pending, "value", "guess"));
        LaunchChecksTest.assertRejected(wrong, 401, "browser_binding", "does not hold this login");
        // A failed attempt burns the pending launch: no second guess.
        HttpResponse<String> again =
                http.postForm("/lti/launch/complete", TestHttp.form("pending", pending, "value", login.value()));
        LaunchChecksTest.assertRejected(again, 400, "state", "already used");
    }

    @Test
    void theRightStoredValueCompletesTheLaunch() {
        TestHttp http = new TestHttp(port);
        FakePlatform canvas = FakePlatform.canvas(lms);
        registrations.register(canvas.registration());
        StorageLogin login = loginOfferingStorage(http, canvas);
        String idToken = canvas.sign(canvas.resourceLinkLaunch(login.nonce(), LaunchDriver.TARGET, "u1", LEARNER)
                .build());
        String pending = pendingId(new LaunchDriver(http)
                .launchWithoutCookie(login.state(), idToken)
                .body());

        HttpResponse<String> done =
                http.postForm("/lti/launch/complete", TestHttp.form("pending", pending, "value", login.value()));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(new LaunchDriver(http).follow(done).body()).contains("Sam Student");
    }

    private static String pendingId(String page) {
        Matcher matcher = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    private static String attribute(String html, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }
}
