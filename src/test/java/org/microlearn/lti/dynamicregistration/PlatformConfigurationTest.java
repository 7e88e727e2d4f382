package org.microlearn.lti.dynamicregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.shared.MicrolearnProperties;

class PlatformConfigurationTest {

    static final List<String> CANVAS_ISSUERS = List.of(
            "https://canvas.instructure.com",
            "https://canvas.beta.instructure.com",
            "https://canvas.test.instructure.com");

    static Map<String, Object> moodleAt(String base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", base);
        json.put("authorization_endpoint", base + "/mod/lti/auth.php");
        json.put("token_endpoint", base + "/mod/lti/token.php");
        json.put("jwks_uri", base + "/mod/lti/certs.php");
        json.put("registration_endpoint", base + "/mod/lti/openid-registration.php");
        return json;
    }

    static PlatformConfiguration parse(String configurationUrl, Map<String, Object> json) {
        return PlatformConfiguration.parse(configurationUrl, json);
    }

    @Test
    void aMoodleInASubdirectoryServesItsConfigurationUnderItsIssuer() {
        String base = "https://lms.example.edu/moodle";
        assertThat(parse(base + "/mod/lti/openid-configuration.php", moodleAt(base))
                        .problems(CANVAS_ISSUERS))
                .isEmpty();
        assertThat(parse("https://lms.example.edu/other/openid-configuration.php", moodleAt(base))
                        .problems(CANVAS_ISSUERS))
                .singleElement()
                .asString()
                .contains("does not match");
    }

    @Test
    void defaultPortsCaseAndATrailingSlashDoNotMatter() {
        Map<String, Object> json = moodleAt("https://lms.example.edu");
        json.put("issuer", "https://LMS.example.edu/");
        assertThat(parse("https://lms.example.edu:443/mod/lti/openid-configuration.php", json)
                        .problems(CANVAS_ISSUERS))
                .isEmpty();
    }

    @Test
    void anotherPortIsAnotherOrigin() {
        assertThat(parse(
                                "https://lms.example.edu:8443/mod/lti/openid-configuration.php",
                                moodleAt("https://lms.example.edu"))
                        .problems(CANVAS_ISSUERS))
                .singleElement()
                .asString()
                .contains("does not match the configuration URL's origin https://lms.example.edu:8443");
    }

    @Test
    void canvasIssuersMayServeTheirConfigurationFromTheInstitutionsHost() {
        Map<String, Object> json = moodleAt("https://district.instructure.com");
        json.put("issuer", "https://canvas.instructure.com");
        String url = "https://district.instructure.com/api/lti/security/openid-configuration";
        assertThat(parse(url, json).problems(CANVAS_ISSUERS)).isEmpty();
        assertThat(parse(url, json).problems(List.of()))
                .as("without the exception the same configuration is refused")
                .hasSize(1);
    }

    @Test
    void missingEndpointsAreNamed() {
        Map<String, Object> json = moodleAt("https://lms.example.edu");
        json.remove("token_endpoint");
        json.put("jwks_uri", 42);
        assertThat(parse("https://lms.example.edu/mod/lti/openid-configuration.php", json)
                        .problems(CANVAS_ISSUERS))
                .containsExactly("token_endpoint is required", "jwks_uri is required");
    }

    @Test
    void withoutAdvertisedMessagesEveryPlacementIsOfferedAndWithoutScopesEveryScope() {
        ToolEndpoints endpoints =
                new ToolEndpoints(new MicrolearnProperties(URI.create("https://microlearn.example.edu:8443/")));
        PlatformConfiguration platform =
                parse("https://lms.example.edu/openid-configuration", moodleAt("https://lms.example.edu"));

        ToolRegistrationRequest request = ToolRegistrationRequest.forPlatform(endpoints, platform);

        assertThat(request.scopes()).hasSize(5);
        assertThat(request.messages()).hasSize(2);
        assertThat(request.messages().get(0).placements()).containsExactly("course_navigation");
        assertThat(request.messages().get(1).placements())
                .containsExactly("ContentArea", "link_selection", "assignment_selection");
        assertThat(request.customParameters()).containsOnlyKeys("context_title", "user_username");
        @SuppressWarnings("unchecked")
        Map<String, Object> tool =
                (Map<String, Object>) request.json().get("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(tool.get("domain")).isEqualTo("microlearn.example.edu:8443");
        assertThat(request.json().get("initiate_login_uri")).isEqualTo("https://microlearn.example.edu:8443/lti/login");
    }

    @Test
    void onlyWhatThePlatformAdvertisesIsAskedFor() {
        Map<String, Object> json = moodleAt("https://lms.example.edu");
        json.put("scopes_supported", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score", "openid"));
        json.put(
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of(
                        "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest")),
                        "variables", List.of("Context.title")));
        ToolEndpoints endpoints =
                new ToolEndpoints(new MicrolearnProperties(URI.create("https://microlearn.example.edu")));

        ToolRegistrationRequest request = ToolRegistrationRequest.forPlatform(
                endpoints, parse("https://lms.example.edu/openid-configuration", json));

        assertThat(request.scopes()).containsExactly("https://purl.imsglobal.org/spec/lti-ags/scope/score");
        assertThat(request.grades()).isTrue();
        assertThat(request.memberships()).isFalse();
        assertThat(request.messages()).singleElement().satisfies(message -> {
            assertThat(message.type()).isEqualTo("LtiResourceLinkRequest");
            assertThat(message.placements()).isEmpty();
        });
        assertThat(request.customParameters()).containsOnlyKeys("context_title");
    }

    @Test
    void theCloseMessageGoesOnlyToThePlatformsOwnOrigins() {
        Map<String, Object> json = moodleAt("https://district.instructure.com");
        json.put("issuer", "https://canvas.instructure.com");
        json.put(
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of(
                        "product_family_code", "canvas",
                        "https://canvas.instructure.com/lti/account_domain", "district.instructure.com"));
        assertThat(parse("https://district.instructure.com/api/lti/security/openid-configuration", json)
                        .closeMessageOrigins())
                .containsExactly("https://canvas.instructure.com", "https://district.instructure.com");

        json.put(
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of("https://canvas.instructure.com/lti/account_domain", "evil.example/\"><script>"));
        assertThat(parse("https://district.instructure.com/api/lti/security/openid-configuration", json)
                        .closeMessageOrigins())
                .doesNotContain("https://evil.example/\"><script>");
    }
}
