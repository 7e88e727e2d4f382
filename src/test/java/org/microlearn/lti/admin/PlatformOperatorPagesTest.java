package org.microlearn.lti.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MicrolearnTest
class PlatformOperatorPagesTest {

    static final String[] OPERATOR = basic("operator", MicrolearnTest.ADMIN_TOKEN);

    @Autowired
    PlatformRegistrations registrations;

    @LocalServerPort
    int port;

    static String[] basic(String user, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + credentials};
    }

    /** A form page's CSRF token, as its hidden field and as the cookie it is checked against. */
    record Csrf(String field, String cookie) {

        static Csrf of(HttpResponse<String> page) {
            Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(field.find()).as("the form carries a CSRF field").isTrue();
            String cookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("XSRF-TOKEN="))
                    .findFirst()
                    .orElseThrow()
                    .split(";")[0];
            return new Csrf(field.group(1), cookie);
        }

        String[] headers() {
            return new String[] {OPERATOR[0], OPERATOR[1], "Cookie", cookie};
        }
    }

    static Map<String, String> registration(String clientId, String authorizationUrl, Csrf csrf) {
        return TestHttp.form(
                "name",
                "Lakeside Canvas",
                "issuer",
                "https://canvas.instructure.com",
                "clientId",
                clientId,
                "authorizationUrl",
                authorizationUrl,
                "tokenUrl",
                "https://sso.canvaslms.com/login/oauth2/token",
                "jwksUrl",
                "https://sso.canvaslms.com/api/lti/security/jwks",
                "tokenAudience",
                "",
                "deploymentIds",
                "12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb\r\n",
                "autoProvisionDeployments",
                "true",
                "_csrf",
                csrf.field());
    }

    @Test
    void anOperatorRegistersAPlatformFromTheForm() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> blank = http.get("/operator/platforms/new", OPERATOR);
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body())
                .contains("Register a platform")
                .contains("/lti/login")
                .contains("/.well-known/jwks.json");

        String clientId = "10000000000" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        Csrf csrf = Csrf.of(blank);
        HttpResponse<String> registered = http.postForm(
                "/operator/platforms",
                registration(clientId, "https://sso.canvaslms.com/api/lti/authorize_redirect", csrf),
                csrf.headers());

        assertThat(registered.statusCode()).isEqualTo(302);
        Platform platform =
                registrations.find("https://canvas.instructure.com", clientId).orElseThrow();
        assertThat(registered.headers().firstValue("Location").orElseThrow())
                .endsWith("/operator/platforms?done=registered-" + platform.id());
        assertThat(platform.name()).isEqualTo("Lakeside Canvas");
        assertThat(platform.deploymentIds()).containsExactly("12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
        assertThat(platform.autoProvisionDeployments()).isTrue();
        assertThat(platform.tokenAudience()).isNull();

        HttpResponse<String> list = http.get("/operator/platforms?done=registered-" + platform.id(), OPERATOR);
        assertThat(list.body())
                .contains("Registered.")
                .contains("id=\"platform-" + platform.id() + "\"")
                .contains(clientId)
                .doesNotContain("access_token");
    }

    @Test
    void aBadRegistrationNamesEveryWrongFieldAndSavesNothing() {
        TestHttp http = new TestHttp(port);
        Csrf csrf = Csrf.of(http.get("/operator/platforms/new", OPERATOR));
        String clientId = "bad-" + UUID.randomUUID();
        Map<String, String> form = registration(clientId, "http://canvas.example.org/authorize", csrf);
        form.put("jwksUrl", "");

        HttpResponse<String> page = http.postForm("/operator/platforms", form, csrf.headers());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("The registration was not saved")
                .contains("href=\"#authorizationUrl\">OIDC authorization URL</a>")
                .contains("must use https")
                .contains("href=\"#jwksUrl\">Platform keyset URL</a>")
                .contains("is required")
                .contains("value=\"Lakeside Canvas\"");
        assertThat(registrations.find("https://canvas.instructure.com", clientId))
                .isEmpty();
    }

    @Test
    void aSecondRegistrationOfTheSameClientIsAConflict() {
        Platform existing = registered("dup-" + UUID.randomUUID());
        TestHttp http = new TestHttp(port);
        Csrf csrf = Csrf.of(http.get("/operator/platforms/new", OPERATOR));

        Map<String, String> again = registration(existing.clientId(), existing.authorizationUrl(), csrf);
        again.put("issuer", existing.issuer());

        HttpResponse<String> page = http.postForm("/operator/platforms", again, csrf.headers());

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("already registered (id " + existing.id() + ")");
    }

    @Test
    void anOperatorChangesAndThenDeletesARegistration() {
        Platform platform = registered("edit-" + UUID.randomUUID());
        TestHttp http = new TestHttp(port);
        HttpResponse<String> edit = http.get("/operator/platforms/" + platform.id(), OPERATOR);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"" + platform.clientId() + "\"");

        Csrf csrf = Csrf.of(edit);
        Map<String, String> form = registration(platform.clientId(), platform.authorizationUrl(), csrf);
        form.put("deploymentIds", "1\r\n2");
        form.remove("autoProvisionDeployments");
        HttpResponse<String> saved = http.postForm("/operator/platforms/" + platform.id(), form, csrf.headers());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("done=saved-" + platform.id());
        Platform changed = registrations.find(platform.id()).orElseThrow();
        assertThat(changed.deploymentIds()).containsExactlyInAnyOrder("1", "2");
        assertThat(changed.autoProvisionDeployments()).isFalse();

        HttpResponse<String> confirm = http.get("/operator/platforms/" + platform.id() + "/delete", OPERATOR);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("will be refused");
        Csrf deleteCsrf = Csrf.of(confirm);
        HttpResponse<String> deleted = http.postForm(
                "/operator/platforms/" + platform.id() + "/delete",
                TestHttp.form("_csrf", deleteCsrf.field()),
                deleteCsrf.headers());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(registrations.find(platform.id())).isEmpty();
        HttpResponse<String> gone =
                http.get("/operator/platforms/" + platform.id(), OPERATOR[0], OPERATOR[1], "Accept", "text/html");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("leads to nothing in Microlearn").doesNotContain("Whitelabel");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Platform platform = registered("csrf-" + UUID.randomUUID());
        TestHttp http = new TestHttp(port);

        HttpResponse<String> forged =
                http.postForm("/operator/platforms/" + platform.id() + "/delete", TestHttp.form(), OPERATOR);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("reload the page").contains("Nothing was saved");
        assertThat(registrations.find(platform.id())).isPresent();
    }

    @Test
    void theOperatorPagesAskForTheAdminToken() {
        TestHttp http = new TestHttp(port);

        HttpResponse<String> anonymous = http.get("/operator/platforms");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic realm=\"Microlearn operator\"");
        assertThat(anonymous.body()).contains("admin token");

        HttpResponse<String> root = http.get("/operator", OPERATOR);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/operator/platforms");
        assertThat(http.get("/operator/platforms", basic("operator", "guess")).statusCode())
                .isEqualTo(401);
        HttpResponse<String> sessionToken =
                http.get("/operator/platforms", "Authorization", "Bearer " + MicrolearnTest.ADMIN_TOKEN);
        assertThat(sessionToken.statusCode()).isEqualTo(401);
    }

    private Platform registered(String clientId) {
        return registrations.register(new org.microlearn.lti.registration.PlatformRequest(
                "https://moodle.operator.example",
                clientId,
                "Operator Moodle",
                "https://moodle.operator.example/mod/lti/auth.php",
                "https://moodle.operator.example/mod/lti/token.php",
                "https://moodle.operator.example/mod/lti/certs.php",
                null,
                false,
                java.util.List.of("1")));
    }
}
