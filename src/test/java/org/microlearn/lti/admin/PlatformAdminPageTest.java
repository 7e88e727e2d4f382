package org.microlearn.lti.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MicrolearnTest
class PlatformAdminPageTest {

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    SessionTokens sessions;

    @LocalServerPort
    int port;

    Platform registered() {
        String clientId = UUID.randomUUID().toString();
        return registrations.register(new PlatformRequest(
                "https://moodle.district.example",
                clientId,
                "District Moodle",
                "https://moodle.district.example/mod/lti/auth.php",
                "https://moodle.district.example/mod/lti/token.php",
                "https://moodle.district.example/mod/lti/certs.php",
                null,
                false,
                java.util.List.of("1")));
    }

    String session(Platform platform, Role role) {
        return sessions.issue(new Viewer(platform.id(), 1L, null, Set.of(role), "Ada Admin", null));
    }

    @Test
    void anAdminSeesTheirRegistrationAndAddsADeployment() {
        Platform platform = registered();
        TestHttp http = new TestHttp(port);
        String token = session(platform, Role.ADMIN);
        HttpResponse<String> page = http.get("/admin/platform?access_token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("District Moodle")
                .contains(platform.clientId())
                .contains("/.well-known/jwks.json");

        HttpResponse<String> saved = http.postForm(
                "/admin/platform?access_token=" + token,
                TestHttp.form(
                        "name",
                        "District Moodle",
                        "issuer",
                        platform.issuer(),
                        "clientId",
                        platform.clientId(),
                        "authorizationUrl",
                        platform.authorizationUrl(),
                        "tokenUrl",
                        platform.tokenUrl(),
                        "jwksUrl",
                        platform.jwksUrl(),
                        "tokenAudience",
                        "",
                        "deploymentIds",
                        "1\r\n2\r\n",
                        "autoProvisionDeployments",
                        "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/admin/platform?access_token=");
        Platform after = registrations.find(platform.id()).orElseThrow();
        assertThat(after.deploymentIds()).containsExactlyInAnyOrder("1", "2");
        assertThat(after.autoProvisionDeployments()).isTrue();
    }

    @Test
    void aBadUrlIsShownWithWhatWasTypedAndNothingChanges() {
        Platform platform = registered();
        TestHttp http = new TestHttp(port);
        HttpResponse<String> page = http.postForm(
                "/admin/platform?access_token=" + session(platform, Role.ADMIN),
                TestHttp.form(
                        "name",
                        "Renamed",
                        "issuer",
                        platform.issuer(),
                        "clientId",
                        platform.clientId(),
                        "authorizationUrl",
                        "http://moodle.district.example/auth",
                        "tokenUrl",
                        platform.tokenUrl(),
                        "jwksUrl",
                        platform.jwksUrl(),
                        "deploymentIds",
                        "1"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("authorizationUrl")
                .contains("https")
                .contains("http://moodle.district.example/auth")
                .contains("value=\"Renamed\"");
        assertThat(registrations.find(platform.id()).orElseThrow().name()).isEqualTo("District Moodle");
    }

    @Test
    void coachesMayNotChangeTheRegistration() {
        Platform platform = registered();
        assertThat(new TestHttp(port)
                        .get("/admin/platform?access_token=" + session(platform, Role.COACH))
                        .statusCode())
                .isEqualTo(403);
    }
}
