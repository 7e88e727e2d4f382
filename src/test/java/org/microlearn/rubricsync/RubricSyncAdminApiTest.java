package org.microlearn.rubricsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.microlearn.people.People;
import org.microlearn.session.SessionTokens;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MicrolearnTest
class RubricSyncAdminApiTest {

    static final String[] ADMIN = {"Authorization", "Bearer " + MicrolearnTest.ADMIN_TOKEN};

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @LocalServerPort
    int port;

    @Test
    void anOperatorStartsAResyncAndFollowsItToTheEnd() {
        long district = Educators.district();
        Educators educators = new Educators(people, tokens);
        educators.teacher(district, "Tess Teacher");
        educators.teacher(district, "Theo Teacher");
        TestHttp http = new TestHttp(port);

        HttpResponse<String> started =
                http.postJson("/api/admin/rubric-sync/resync", "{\"platformId\": " + district + "}", ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode job = JsonMapper.builder().build().readTree(started.body());
        assertThat(job.get("total").asInt()).isEqualTo(2);

        String path = "/api/admin/rubric-sync/platforms/" + district + "/jobs/"
                + job.get("id").asLong();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get(path, ADMIN).body().contains("\"status\":\"DONE\""));
        assertThat(http.get(path, ADMIN).body()).contains("\"done\":2");
    }

    @Test
    void aResyncWithoutPlatformOrOfAnotherPlatformsCourseIsRefused() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> missing = http.postJson("/api/admin/rubric-sync/resync", "{}", ADMIN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("platformId is required");

        HttpResponse<String> foreign = http.postJson(
                "/api/admin/rubric-sync/resync",
                "{\"platformId\": " + Educators.district() + ", \"courseId\": 999999}",
                ADMIN);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("no course 999999");
        assertThat(http.postJson("/api/admin/rubric-sync/resync", "{\"platformId\": 1}")
                        .statusCode())
                .isEqualTo(401);
    }
}
