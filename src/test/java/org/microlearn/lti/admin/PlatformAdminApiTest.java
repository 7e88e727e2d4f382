package org.microlearn.lti.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MicrolearnTest
class PlatformAdminApiTest {

    static final String[] ADMIN = {"Authorization", "Bearer " + MicrolearnTest.ADMIN_TOKEN};
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    static String moodleRegistration(String clientId) {
        return """
                {"issuer": "https://moodle.example.org", "clientId": "%s",
                 "authorizationUrl": "https://moodle.example.org/mod/lti/auth.php",
                 "tokenUrl": "https://moodle.example.org/mod/lti/token.php",
                 "jwksUrl": "https://moodle.example.org/mod/lti/certs.php",
                 "deploymentIds": ["1"]}
                """.formatted(clientId);
    }

    @Test
    void registersReadsUpdatesAndDeletesAPlatform() {
        String clientId = UUID.randomUUID().toString();
        HttpResponse<String> created = http.postJson("/api/admin/platforms", moodleRegistration(clientId), ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        long id = body.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/platforms/" + id);
        assertThat(body.get("deploymentIds").get(0).asString()).isEqualTo("1");
        assertThat(body.get("autoProvisionDeployments").asBoolean()).isFalse();

        assertThat(http.get("/api/admin/platforms", ADMIN).body()).contains(clientId);

        String changed = moodleRegistration(clientId)
                .replace(
                        "\"deploymentIds\": [\"1\"]",
                        "\"deploymentIds\": [\"1\", \"7\"], \"autoProvisionDeployments\": true, \"tokenAudience\": \"https://api.brightspace.com/auth/token\"");
        HttpResponse<String> updated = http.putJson("/api/admin/platforms/" + id, changed, ADMIN);
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode after =
                json.readTree(http.get("/api/admin/platforms/" + id, ADMIN).body());
        assertThat(after.get("deploymentIds").toString()).isEqualTo("[\"1\",\"7\"]");
        assertThat(after.get("autoProvisionDeployments").asBoolean()).isTrue();
        assertThat(after.get("tokenAudience").asString()).isEqualTo("https://api.brightspace.com/auth/token");

        assertThat(http.delete("/api/admin/platforms/" + id, ADMIN).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/admin/platforms/" + id, ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void aDuplicateRegistrationIsAConflict() {
        String clientId = UUID.randomUUID().toString();
        assertThat(http.postJson("/api/admin/platforms", moodleRegistration(clientId), ADMIN)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = http.postJson("/api/admin/platforms", moodleRegistration(clientId), ADMIN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("already registered").contains(clientId);
    }

    @Test
    void missingFieldsAreNamed() {
        HttpResponse<String> response =
                http.postJson("/api/admin/platforms", "{\"issuer\": \"https://moodle.example.org\"}", ADMIN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()))
                .contains("clientId", "authorizationUrl", "tokenUrl", "jwksUrl", "deploymentIds");
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() {
        HttpResponse<String> response = http.postJson("/api/admin/platforms", "{\"issuer\": ", ADMIN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void plainHttpUrlsAreRefusedExceptOnLoopback() {
        String body = moodleRegistration(UUID.randomUUID().toString())
                .replace("https://moodle.example.org/mod/lti/certs.php", "http://moodle.example.org/mod/lti/certs.php")
                .replace("https://moodle.example.org/mod/lti/token.php", "http://127.0.0.1:9/mod/lti/token.php");
        HttpResponse<String> response = http.postJson("/api/admin/platforms", body, ADMIN);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("jwksUrl");
        assertThat(errors.get(0).get("message").asString()).contains("https");
    }

    /** lti-config/registrations.example.json documents the API: every body in it must be accepted. */
    @Test
    void theExampleRegistrationsFileIsAcceptedAsIs() throws IOException {
        JsonNode examples = json.readTree(Files.readString(Path.of("lti-config/registrations.example.json")));
        assertThat(examples.size()).isEqualTo(5);
        for (JsonNode example : examples) {
            HttpResponse<String> created = http.postJson("/api/admin/platforms", example.toString(), ADMIN);
            assertThat(created.statusCode())
                    .as(example.get("name").asString() + ": " + created.body())
                    .isEqualTo(201);
            long id = json.readTree(created.body()).get("id").asLong();
            assertThat(http.delete("/api/admin/platforms/" + id, ADMIN).statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void refusesCallersWithoutTheAdminToken() {
        HttpResponse<String> none = http.get("/api/admin/platforms");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> wrong = http.get("/api/admin/platforms", "Authorization", "Bearer not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not the admin token");
    }
}
