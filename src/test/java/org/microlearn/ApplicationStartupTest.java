package org.microlearn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "microlearn.base-url=https://microlearn.example.edu")
class ApplicationStartupTest {

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @Test
    void testsRunAgainstARealMariaDbWithTheSchemaMigrated() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("MariaDB");
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables"
                                + " WHERE table_schema = DATABASE() AND table_name = 'EVENT_PUBLICATION'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void healthIsUpWithTheDatabaseChecked() {
        String health = client().get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"");
        String db = client().get().uri("/actuator/health/db").retrieve().body(String.class);
        assertThat(db).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsAreServed() {
        String metrics = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void landingPageShowsTheUrlsAnLmsAdminNeedsFromTheConfiguredBaseUrl() {
        String page = client().get().uri("/").retrieve().body(String.class);
        assertThat(page)
                .contains("https://microlearn.example.edu/lti/login")
                .contains("https://microlearn.example.edu/lti/launch")
                .contains("https://microlearn.example.edu/.well-known/jwks.json")
                .contains("https://microlearn.example.edu/lti/register")
                .contains("https://microlearn.example.edu/lti/config/canvas.json");
    }

    /** lti-config/canvas-developer-key.json is this deployment's live Canvas JSON, byte for meaning. */
    @Test
    void theLiveCanvasConfigurationIsTheCommittedExample() throws Exception {
        var response = client().get().uri("/lti/config/canvas.json").retrieve().toEntity(String.class);
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(response.getBody()))
                .isEqualTo(json.readTree(Files.readString(Path.of("lti-config/canvas-developer-key.json"))));
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }
}
