package org.microlearn.lti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.ToolEndpoints;
import org.microlearn.shared.MicrolearnProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Canvas developer key JSON: the committed example is exactly what the tool generates for
 * https://microlearn.example.edu, and it has the fields and types Canvas's "Configuring LTI
 * Advantage Tools" guide documents.
 */
class CanvasDeveloperKeyTest {

    static final Path COMMITTED = Path.of("lti-config/canvas-developer-key.json");
    static final JsonMapper json = JsonMapper.builder().build();

    /** Documented top-level keys. */
    static final Set<String> KNOWN_KEYS = Set.of(
            "title",
            "description",
            "oidc_initiation_url",
            "target_link_uri",
            "scopes",
            "extensions",
            "public_jwk",
            "public_jwk_url",
            "custom_fields");

    /** The scopes Canvas allows on a developer key. */
    static final Set<String> CANVAS_SCOPES = Set.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://canvas.instructure.com/lti/public_jwk/scope/update");

    /** Canvas placements (Canvas's placement documentation), the ones Microlearn might use. */
    static final Set<String> CANVAS_PLACEMENTS = Set.of(
            "account_navigation",
            "assignment_selection",
            "course_navigation",
            "editor_button",
            "global_navigation",
            "homework_submission",
            "link_selection",
            "module_menu",
            "user_navigation");

    static JsonNode generatedFor(String baseUrl) {
        ToolEndpoints endpoints = new ToolEndpoints(new MicrolearnProperties(URI.create(baseUrl)));
        return json.valueToTree(CanvasDeveloperKey.json(endpoints));
    }

    @Test
    void theCommittedExampleIsWhatTheToolGeneratesForItsBaseUrl() throws IOException {
        JsonNode generated = generatedFor("https://microlearn.example.edu");
        JsonNode committed = Files.exists(COMMITTED) ? json.readTree(Files.readString(COMMITTED)) : null;
        if (!generated.equals(committed)) {
            Path fresh = Path.of("target/canvas-developer-key.json");
            Files.writeString(fresh, json.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
            fail(COMMITTED + " differs from what the tool generates; the generated one is in " + fresh
                    + ": copy it over if the change is intended");
        }
    }

    @Test
    void itHasTheFieldsAndTypesCanvasDocuments() {
        JsonNode key = generatedFor("https://microlearn.example.edu");
        List<String> problems = new ArrayList<>();

        key.propertyNames().forEach(name -> {
            if (!KNOWN_KEYS.contains(name)) {
                problems.add("unknown key " + name);
            }
        });
        for (String required : List.of("title", "description", "oidc_initiation_url", "target_link_uri")) {
            requireString(key, required, problems);
        }
        if (!key.has("public_jwk") && !key.has("public_jwk_url")) {
            problems.add("public_jwk or public_jwk_url is required");
        }
        requireHttpsUrl(key, "oidc_initiation_url", problems);
        requireHttpsUrl(key, "target_link_uri", problems);
        requireHttpsUrl(key, "public_jwk_url", problems);
        key.get("scopes").values().forEach(scope -> {
            if (!CANVAS_SCOPES.contains(scope.asString())) {
                problems.add("scope not allowed by Canvas: " + scope);
            }
        });
        key.get("custom_fields").properties().forEach(field -> {
            if (!field.getValue().isString()) {
                problems.add("custom field " + field.getKey() + " is not a string");
            }
        });
        JsonNode extensions = key.get("extensions");
        if (extensions == null || !extensions.isArray() || extensions.size() != 1) {
            problems.add("extensions must be an array with Canvas's extension");
        } else {
            JsonNode canvas = extensions.get(0);
            if (!"canvas.instructure.com".equals(canvas.path("platform").asString())) {
                problems.add("extension platform must be canvas.instructure.com");
            }
            if (!Set.of("anonymous", "public", "name_only", "email_only")
                    .contains(canvas.path("privacy_level").asString())) {
                problems.add("privacy_level is required and must be a Canvas value");
            }
            JsonNode placements = canvas.path("settings").path("placements");
            if (!placements.isArray() || placements.isEmpty()) {
                problems.add("settings.placements must be a non-empty array");
            }
            placements.values().forEach(placement -> {
                String name = placement.path("placement").asString();
                if (!CANVAS_PLACEMENTS.contains(name)) {
                    problems.add("unknown placement " + name);
                }
                if (!Set.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest")
                        .contains(placement.path("message_type").asString())) {
                    problems.add(name + ": message_type must be LtiResourceLinkRequest or LtiDeepLinkingRequest");
                }
                requireHttpsUrl(placement, "target_link_uri", problems);
                requireString(placement, "text", problems);
            });
        }

        assertThat(problems).isEmpty();
        assertThat(key.get("scopes").size()).isEqualTo(5);
        assertThat(key.at("/extensions/0/privacy_level").asString()).isEqualTo("public");
        assertThat(key.at("/extensions/0/domain").asString()).isEqualTo("microlearn.example.edu");
    }

    private static void requireString(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            problems.add(field + " is required and must be a string");
        }
    }

    private static void requireHttpsUrl(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value != null && value.isString() && !value.asString().startsWith("https://")) {
            problems.add(field + " must be an https URL");
        }
    }
}
