package org.microlearn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Drives login → platform → launch the way a browser does: redirects, cookies, form posts. */
public final class LaunchDriver {

    public static final String TARGET = "http://localhost:8080/lti/launch";

    /** What the login left: the state and nonce the platform got, and the cookie the browser keeps. */
    public record Login(
            String state, String nonce, String cookie, URI authorizationRedirect, HttpResponse<String> response) {}

    private final TestHttp http;

    public LaunchDriver(TestHttp http) {
        this.http = http;
    }

    public Login login(FakePlatform platform, String subject) {
        return login(loginParameters(platform, subject));
    }

    public static Map<String, String> loginParameters(FakePlatform platform, String subject) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("iss", platform.issuer());
        form.put("login_hint", subject);
        form.put("target_link_uri", TARGET);
        form.put("lti_message_hint", "{\"cmid\":1,\"launchid\":\"ltilaunch1_1544279979\"}");
        form.put("client_id", platform.clientId());
        form.put("lti_deployment_id", platform.deploymentId());
        return form;
    }

    public Login login(Map<String, String> parameters) {
        HttpResponse<String> response = http.postForm("/lti/login", parameters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        String cookie =
                response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Login(query.getFirst("state"), query.getFirst("nonce"), cookie, location, response);
    }

    /** The platform's form post of the id_token, from the browser that holds the cookie. */
    public HttpResponse<String> launch(Login login, String idToken) {
        return http.postForm(
                "/lti/launch", TestHttp.form("id_token", idToken, "state", login.state()), "Cookie", login.cookie());
    }

    public HttpResponse<String> launchWithoutCookie(String state, String idToken, String... headers) {
        return http.postForm("/lti/launch", TestHttp.form("id_token", idToken, "state", state), headers);
    }

    /** Follows the launch's redirect to the landing page, as the iframe would. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return http.get(redirect.headers().firstValue("Location").orElseThrow());
    }
}
