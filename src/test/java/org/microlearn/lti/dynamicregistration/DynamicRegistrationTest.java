package org.microlearn.lti.dynamicregistration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.Platform;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.lti.registration.PlatformRequest;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LTI Dynamic Registration against WireMock platforms that answer as Moodle 4.3 did in a real
 * exchange (src/test/resources/lti/moodle-4.3-*.json, URLs rewritten to WireMock's port) and as
 * Canvas documents it.
 */
@MicrolearnTest
class DynamicRegistrationTest {

    static final String MOODLE_CONFIGURATION = "/mod/lti/openid-configuration.php";
    static final String MOODLE_REGISTRATION = "/mod/lti/openid-registration.php";
    static final String CANVAS_CONFIGURATION = "/api/lti/security/openid-configuration";
    static final String CANVAS_REGISTRATION = "/api/lti/registrations";
    /** Where the captured exchange ran; the fixtures' URLs are rewritten from it. */
    static final String CAPTURED_PLATFORM = "http://127.0.0.1:8080";

    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0Iiwic2NvcGUiOiJyZWcifQ.c2ln";

    static final JsonMapper json = JsonMapper.builder().build();

    static WireMockServer moodle;
    static WireMockServer canvas;

    @LocalServerPort
    int port;

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    ToolEndpoints endpoints;

    TestHttp http;

    @BeforeAll
    static void startPlatforms() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        canvas = new WireMockServer(options().dynamicPort());
        canvas.start();
    }

    @AfterAll
    static void stopPlatforms() {
        moodle.stop();
        canvas.stop();
    }

    @BeforeEach
    void setUp() {
        moodle.resetAll();
        canvas.resetAll();
        http = new TestHttp(port);
    }

    @Test
    void moodleConfirmationPageSaysWhatWillBeRegisteredAndRegistersNothingYet() {
        stubMoodleConfiguration(moodleConfiguration());

        HttpResponse<String> page = http.get(registrationPage(moodleConfigurationUrl()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body())
                .contains("Moodle 4.3 (Build: 20231009)")
                .contains("Moodle at localhost")
                .contains(endpoints.loginUrl())
                .contains(endpoints.jwksUrl())
                .contains("Assignment and Grade Services")
                .contains("Names and Role Provisioning")
                .contains("<code>ContentArea</code>")
                .contains("name=\"openid_configuration\" value=\"" + moodleConfigurationUrl() + "\"")
                .contains("name=\"registration_token\" value=\"" + TOKEN + "\"");
        LoggedRequest configurationRequest = moodle.findAll(getRequestedFor(urlEqualTo(MOODLE_CONFIGURATION)))
                .get(0);
        assertThat(configurationRequest.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(configurationRequest.getHeader("User-Agent")).startsWith("Microlearn/");
        assertThat(moodle.findAll(postRequestedFor(urlEqualTo(MOODLE_REGISTRATION))))
                .isEmpty();
    }

    @Test
    void moodleRegistrationStoresClientIdAndDeploymentAndClosesTheWindow() {
        String clientId = uniqueClientId();
        stubMoodleConfiguration(moodleConfiguration());
        moodle.stubFor(post(MOODLE_REGISTRATION).willReturn(okJson(moodleRegistrationResponse(clientId, "2"))));

        HttpResponse<String> done = confirm(moodleConfigurationUrl());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body())
                .contains("Microlearn is registered")
                .contains(clientId)
                .contains("data-close-origins=\"" + moodle.baseUrl() + "\"")
                .contains("/js/lti-registration-close.js")
                .contains("Activate");
        Platform stored = registrations.find(moodle.baseUrl(), clientId).orElseThrow();
        assertThat(stored.deploymentIds()).containsExactly("2");
        assertThat(stored.authorizationUrl()).isEqualTo(moodle.baseUrl() + "/mod/lti/auth.php");
        assertThat(stored.tokenUrl()).isEqualTo(moodle.baseUrl() + "/mod/lti/token.php");
        assertThat(stored.jwksUrl()).isEqualTo(moodle.baseUrl() + "/mod/lti/certs.php");
        assertThat(stored.autoProvisionDeployments()).isFalse();
        assertThat(stored.name()).isEqualTo("Moodle at localhost");

        LoggedRequest sent = single(moodle, MOODLE_REGISTRATION);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeader("User-Agent")).startsWith("Microlearn/");
        JsonNode body = json.readTree(sent.getBodyAsString());
        assertThat(body.get("application_type").asString()).isEqualTo("web");
        assertThat(body.get("response_types").toString()).isEqualTo("[\"id_token\"]");
        assertThat(body.get("grant_types").toString()).isEqualTo("[\"implicit\",\"client_credentials\"]");
        assertThat(body.get("token_endpoint_auth_method").asString()).isEqualTo("private_key_jwt");
        assertThat(body.get("client_name").asString()).isEqualTo("Microlearn");
        assertThat(body.get("initiate_login_uri").asString()).isEqualTo(endpoints.loginUrl());
        assertThat(body.get("redirect_uris").toString()).isEqualTo("[\"" + endpoints.launchUrl() + "\"]");
        assertThat(body.get("jwks_uri").asString()).isEqualTo(endpoints.jwksUrl());
        assertThat(body.get("logo_uri").asString()).isEqualTo(endpoints.logoUrl());
        assertThat(Set.of(body.get("scope").asString().split(" ")))
                .containsExactlyInAnyOrder(
                        LtiClaims.SCOPE_LINEITEM,
                        LtiClaims.SCOPE_LINEITEM_READONLY,
                        LtiClaims.SCOPE_RESULT_READONLY,
                        LtiClaims.SCOPE_SCORE,
                        LtiClaims.SCOPE_NRPS);
        JsonNode tool = body.get(LtiClaims.TOOL_CONFIGURATION);
        assertThat(tool.get("domain").asString()).isEqualTo(endpoints.domain());
        assertThat(tool.get("target_link_uri").asString()).isEqualTo(endpoints.launchUrl());
        assertThat(tool.get("description").asString()).isNotBlank();
        assertThat(tool.get("claims").toString())
                .isEqualTo("[\"iss\",\"sub\",\"name\",\"given_name\",\"family_name\",\"email\"]");
        assertThat(tool.get("custom_parameters").get("context_title").asString())
                .isEqualTo("$Context.title");
        JsonNode messages = tool.get("messages");
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).get("type").asString()).isEqualTo(LtiClaims.RESOURCE_LINK_REQUEST);
        assertThat(messages.get(0).has("placements"))
                .as("Moodle lists no placements for resource links")
                .isFalse();
        assertThat(messages.get(1).get("type").asString()).isEqualTo(LtiClaims.DEEP_LINKING_REQUEST);
        assertThat(messages.get(1).get("target_link_uri").asString()).isEqualTo(endpoints.deepLinkingUrl());
        assertThat(messages.get(1).get("label").asString()).isEqualTo("Add a Microlearn lesson");
        assertThat(messages.get(1).get("placements").toString()).isEqualTo("[\"ContentArea\"]");
        assertThat(tool.has(LtiClaims.CANVAS_PRIVACY_LEVEL)).isFalse();

        assertThat(http.get(ToolEndpoints.LOGO_PATH).headers().firstValue("Content-Type"))
                .hasValue("image/png");
    }

    @Test
    void canvasRegistrationIsAcceptedFromTheInstitutionHostAndAutoProvisionsDeployments() {
        String clientId = "100000000" + (System.nanoTime() % 100_000);
        String deploymentId = "7:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";
        canvas.stubFor(get(urlPathEqualTo(CANVAS_CONFIGURATION)).willReturn(okJson(canvasConfiguration())));
        canvas.stubFor(post(CANVAS_REGISTRATION)
                .willReturn(okJson("{\"client_id\":\"" + clientId + "\",\"application_type\":\"web\","
                        + "\"deployment_id\":\"" + deploymentId + "\"}")));
        String configurationUrl = canvasBaseUrl() + CANVAS_CONFIGURATION + "?registration_token=" + TOKEN;

        HttpResponse<String> preview = http.get(registrationPage(configurationUrl));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Example School District (Canvas)")
                .contains("<code>course_navigation</code>");

        HttpResponse<String> done = confirm(configurationUrl);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body())
                .contains("Microlearn is registered")
                .contains("Developer Keys")
                .contains("data-close-origins=\"https://canvas.instructure.com " + canvasBaseUrl()
                        + " https://exampledistrict.instructure.com\"");
        Platform stored =
                registrations.find("https://canvas.instructure.com", clientId).orElseThrow();
        assertThat(stored.deploymentIds()).containsExactly(deploymentId);
        assertThat(stored.autoProvisionDeployments()).isTrue();
        assertThat(stored.authorizationUrl()).isEqualTo("https://sso.canvaslms.com/api/lti/authorize_redirect");
        assertThat(stored.jwksUrl()).isEqualTo("https://sso.canvaslms.com/api/lti/security/jwks");

        LoggedRequest sent = single(canvas, CANVAS_REGISTRATION);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode tool = json.readTree(sent.getBodyAsString()).get(LtiClaims.TOOL_CONFIGURATION);
        assertThat(tool.get(LtiClaims.CANVAS_PRIVACY_LEVEL).asString()).isEqualTo("public");
        assertThat(tool.get(LtiClaims.CANVAS_TOOL_ID).asString()).isEqualTo("microlearn");
        JsonNode messages = tool.get("messages");
        assertThat(messages.get(0).get("placements").toString()).isEqualTo("[\"course_navigation\"]");
        assertThat(messages.get(1).get("placements").toString())
                .isEqualTo("[\"link_selection\",\"assignment_selection\"]");
    }

    @Test
    void anIssuerThatDoesNotMatchTheConfigurationUrlIsRefused() {
        stubMoodleConfiguration(moodleConfiguration()
                .replace("\"issuer\": \"" + moodle.baseUrl() + "\"", "\"issuer\": \"https://moodle.example.org\""));

        HttpResponse<String> page = http.get(registrationPage(moodleConfigurationUrl()));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(unescaped(page.body()))
                .contains("Microlearn refuses this platform's configuration")
                .contains("issuer https://moodle.example.org does not match the configuration URL's origin "
                        + moodle.baseUrl());
        HttpResponse<String> confirmed = confirm(moodleConfigurationUrl());
        assertThat(confirmed.statusCode()).isEqualTo(400);
        assertThat(moodle.findAll(postRequestedFor(urlEqualTo(MOODLE_REGISTRATION))))
                .as("nothing is sent to a refused platform")
                .isEmpty();
    }

    @Test
    void plainHttpEndpointsOfAHostOtherThanLocalhostAreRefused() {
        stubMoodleConfiguration(moodleConfiguration()
                .replace(moodle.baseUrl() + "/mod/lti/token.php", "http://moodle.example.org/mod/lti/token.php"));

        HttpResponse<String> page = http.get(registrationPage(moodleConfigurationUrl()));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(unescaped(page.body()))
                .contains("token_endpoint must use https (http only for localhost)"
                        + " (it is http://moodle.example.org/mod/lti/token.php)");
    }

    @Test
    void aPlainHttpConfigurationUrlIsRefusedBeforeAnythingIsFetched() {
        HttpResponse<String> page =
                http.get(registrationPage("http://moodle.example.org/mod/lti/openid-configuration.php"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(unescaped(page.body())).contains("must use https");
    }

    @Test
    void aPlatformErrorIsShownVerbatimWithItsStatus() {
        stubMoodleConfiguration(moodleConfiguration());
        String answer =
                "{\"errors\":[{\"field\":\"redirect_uris\",\"message\":\"<b>not allowed</b> & \\\"refused\\\"\"}]}";
        moodle.stubFor(post(MOODLE_REGISTRATION)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer)));

        HttpResponse<String> page = confirm(moodleConfigurationUrl());

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body())
                .contains("HTTP status <strong>422</strong>")
                .contains("&lt;b&gt;not allowed&lt;/b&gt; &amp;")
                .doesNotContain("<b>not allowed</b>");
        assertThat(unescaped(page.body())).contains(answer).contains("The LMS refused the registration");
    }

    @Test
    void anExpiredRegistrationTokenSaysToStartAgain() {
        stubMoodleConfiguration(moodleConfiguration());
        moodle.stubFor(
                post(MOODLE_REGISTRATION).willReturn(aResponse().withStatus(401).withBody("Expired token")));

        HttpResponse<String> page = confirm(moodleConfigurationUrl());

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(unescaped(page.body()))
                .contains("HTTP status <strong>401</strong>")
                .contains("Expired token")
                .contains("The registration token has expired or was already used.")
                .contains("Start the registration again from your LMS")
                .contains("\"Add LTI Advantage\"");
    }

    @Test
    void aConfigurationRefusedForTheTokenSaysToStartAgain() {
        canvas.stubFor(get(urlPathEqualTo(CANVAS_CONFIGURATION))
                .willReturn(aResponse().withStatus(401).withBody("{\"errorMessage\":\"Invalid token\"}")));

        HttpResponse<String> page = http.get(registrationPage(canvasBaseUrl() + CANVAS_CONFIGURATION));

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(unescaped(page.body()))
                .contains("The platform did not return its configuration")
                .contains("{\"errorMessage\":\"Invalid token\"}")
                .contains("Start the registration again");
    }

    @Test
    void anAnswerWithoutClientIdIsNotStored() {
        stubMoodleConfiguration(moodleConfiguration());
        moodle.stubFor(post(MOODLE_REGISTRATION).willReturn(okJson("{\"client_name\":\"Microlearn\"}")));
        HttpResponse<String> noClientId = confirm(moodleConfigurationUrl());
        assertThat(noClientId.statusCode()).isEqualTo(502);
        assertThat(noClientId.body()).contains("has no client_id");

        moodle.stubFor(post(MOODLE_REGISTRATION)
                .willReturn(aResponse().withStatus(200).withBody("<html>Moodle error</html>")));
        HttpResponse<String> notJson = confirm(moodleConfigurationUrl());
        assertThat(notJson.statusCode()).isEqualTo(502);
        assertThat(notJson.body()).contains("is not JSON").contains("&lt;html&gt;Moodle error&lt;/html&gt;");
    }

    @Test
    void aSecondDeploymentOfAKnownClientIsAddedToIt() {
        String clientId = uniqueClientId();
        stubMoodleConfiguration(moodleConfiguration());
        moodle.stubFor(post(MOODLE_REGISTRATION).willReturn(okJson(moodleRegistrationResponse(clientId, "2"))));
        assertThat(confirm(moodleConfigurationUrl()).statusCode()).isEqualTo(200);
        moodle.stubFor(post(MOODLE_REGISTRATION).willReturn(okJson(moodleRegistrationResponse(clientId, "3"))));

        HttpResponse<String> again = confirm(moodleConfigurationUrl());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("the deployment was added to the existing registration");
        assertThat(registrations.find(moodle.baseUrl(), clientId).orElseThrow().deploymentIds())
                .containsExactlyInAnyOrder("2", "3");
    }

    @Test
    void aKnownClientWithOtherEndpointsIsAConflictAndLeftAlone() {
        String clientId = uniqueClientId();
        registrations.register(new PlatformRequest(
                moodle.baseUrl(),
                clientId,
                null,
                moodle.baseUrl() + "/mod/lti/auth.php",
                moodle.baseUrl() + "/mod/lti/token.php",
                "https://elsewhere.example.org/certs.php",
                null,
                false,
                List.of("1")));
        stubMoodleConfiguration(moodleConfiguration());
        moodle.stubFor(post(MOODLE_REGISTRATION).willReturn(okJson(moodleRegistrationResponse(clientId, "2"))));

        HttpResponse<String> page = confirm(moodleConfigurationUrl());

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("clashes with an existing one");
        assertThat(registrations.find(moodle.baseUrl(), clientId).orElseThrow().deploymentIds())
                .containsExactly("1");
    }

    @Test
    void withoutAConfigurationUrlThePageExplainsWhereToPasteIt() {
        HttpResponse<String> page = http.get(ToolEndpoints.REGISTRATION_PATH);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(unescaped(page.body()))
                .contains("This address is for your LMS, not for a browser")
                .contains("Add LTI Advantage")
                .contains(endpoints.registrationUrl());
    }

    // Named factories for the platforms' answers.

    String moodleConfiguration() {
        return fixture("moodle-4.3-openid-configuration.json").replace(CAPTURED_PLATFORM, moodle.baseUrl());
    }

    String moodleRegistrationResponse(String clientId, String deploymentId) {
        return fixture("moodle-4.3-registration-response.json")
                .replace("mtJvllrCiizfhQ2", clientId)
                .replace("\"deployment_id\": \"2\"", "\"deployment_id\": \"" + deploymentId + "\"");
    }

    String canvasConfiguration() {
        return fixture("canvas-openid-configuration.json").replace(CAPTURED_PLATFORM, canvasBaseUrl());
    }

    void stubMoodleConfiguration(String configuration) {
        moodle.stubFor(get(MOODLE_CONFIGURATION).willReturn(okJson(configuration)));
    }

    String moodleConfigurationUrl() {
        return moodle.baseUrl() + MOODLE_CONFIGURATION;
    }

    /** Canvas by IP address, so that its configuration's host differs from its issuer's. */
    String canvasBaseUrl() {
        return "http://127.0.0.1:" + canvas.port();
    }

    static String registrationPage(String configurationUrl) {
        return ToolEndpoints.REGISTRATION_PATH + "?openid_configuration=" + encode(configurationUrl)
                + "&registration_token=" + encode(TOKEN);
    }

    HttpResponse<String> confirm(String configurationUrl) {
        return http.postForm(
                ToolEndpoints.REGISTRATION_PATH,
                TestHttp.form("openid_configuration", configurationUrl, "registration_token", TOKEN));
    }

    static LoggedRequest single(WireMockServer platform, String path) {
        List<LoggedRequest> requests = new ArrayList<>(platform.findAll(postRequestedFor(urlEqualTo(path))));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static String uniqueClientId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15);
    }

    static String unescaped(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String fixture(String name) {
        try (var in = DynamicRegistrationTest.class.getResourceAsStream("/lti/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
