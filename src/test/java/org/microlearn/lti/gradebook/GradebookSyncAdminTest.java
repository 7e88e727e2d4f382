package org.microlearn.lti.gradebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MicrolearnTest
class GradebookSyncAdminTest {

    static final String[] ADMIN_TOKEN = {"Authorization", "Bearer " + MicrolearnTest.ADMIN_TOKEN};
    static final String LINEITEMS = "/mod/lti/services.php/2/lineitems";
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @LocalServerPort
    int port;

    WireMockLms moodle;
    MockMvc mvc;
    TestHttp http;
    long course;
    long educator;

    @BeforeEach
    void aScoreMoodleRefuses() {
        moodle = WireMockLms.moodle(registrations, port);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        http = new TestHttp(port);
        LtiTestData data = new LtiTestData(jdbc);
        course = data.courseWithServices(moodle.platform.id(), moodle.url(LINEITEMS + "?type_id=1"), null, "moodle");
        educator = data.educator(moodle.platform.id(), "u-" + UUID.randomUUID(), "Tina Teacher");
        moodle.server.stubFor(
                moodle.authorized(WireMock.get(urlPathEqualTo(LINEITEMS)))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "[{\"id\": \"" + moodle.url(LINEITEMS + "/5/lineitem?type_id=1")
                                                        + "\", \"label\": \"Lesson 42\", \"resourceId\": \"lesson-42\", \"tag\": \"lesson\"}]")));
        moodle.server.stubFor(moodle.authorized(WireMock.post(urlPathMatching(".*/scores")))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"Incorrect score received\"}")));
        Instant at = Instant.now();
        transactions.executeWithoutResult(status -> events.publishEvent(new GradebookScoreChanged(
                moodle.platform.id(),
                course,
                educator,
                new GradebookScoreChanged.Column("lesson-42", "lesson", "Lesson 42", 10, null),
                12,
                10,
                "Completed",
                "FullyGraded",
                null,
                at,
                null,
                at)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(deliveryStatus()));
    }

    @AfterEach
    void stop() {
        moodle.close();
    }

    /** The delivery's status, or null before the listener has recorded it. */
    String deliveryStatus() {
        return jdbc.sql("SELECT status FROM lti_score_delivery WHERE educator_id = ?")
                .param(educator)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long deliveryId() {
        return jdbc.sql("SELECT id FROM lti_score_delivery WHERE educator_id = ?")
                .param(educator)
                .query(Long.class)
                .single();
    }

    RequestPostProcessor viewer(long platformId, String role) {
        return jwt().jwt(j -> j.subject("1")
                        .claim("plt", platformId)
                        .claim("crs", course)
                        .claim("roles", List.of(role))
                        .claim("name", "Ada Admin"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void theApiListsTheFailedScoreWithThePlatformsAnswerAndRetriesIt() {
        HttpResponse<String> listed =
                http.get("/api/admin/deliveries?status=FAILED&platformId=" + moodle.platform.id(), ADMIN_TOKEN);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode failed = json.readTree(listed.body());
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("id").asLong()).isEqualTo(deliveryId());
        assertThat(failed.get(0).path("lastStatus").asInt()).isEqualTo(400);
        assertThat(failed.get(0).path("lastError").asString()).contains("Incorrect score received");
        assertThat(failed.get(0).path("educatorName").asString()).isEqualTo("Tina Teacher");

        moodle.server.stubFor(moodle.authorized(WireMock.post(urlPathMatching(".*/scores")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        HttpResponse<String> retried =
                http.postJson("/api/admin/deliveries/" + deliveryId() + "/retry", "", ADMIN_TOKEN);
        assertThat(retried.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus()));

        HttpResponse<String> again = http.postJson("/api/admin/deliveries/" + deliveryId() + "/retry", "", ADMIN_TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("was delivered");
    }

    @Test
    void theApiExplainsWhatIsWrongWithARequest() {
        HttpResponse<String> badStatus = http.get("/api/admin/deliveries?status=LOST", ADMIN_TOKEN);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badStatus.body()).contains("status must be PENDING, DELIVERED or FAILED");

        HttpResponse<String> missing = http.postJson("/api/admin/deliveries/999999999/retry", "", ADMIN_TOKEN);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no score delivery 999999999");

        assertThat(http.get("/api/admin/deliveries").statusCode()).isEqualTo(401);
    }

    @Test
    void thePlatformsAdministratorSeesTheRefusalAndRetriesFromThePage() throws Exception {
        mvc.perform(get("/admin/gradebook-sync").with(viewer(moodle.platform.id(), "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tina Teacher")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("HTTP 400")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Incorrect score received")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "/admin/gradebook-sync/" + deliveryId() + "/retry")));

        mvc.perform(get("/admin/gradebook-sync").with(viewer(moodle.platform.id() + 100_000, "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Tina Teacher"))));
        mvc.perform(get("/admin/gradebook-sync").with(viewer(moodle.platform.id(), "COACH")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/gradebook-sync/" + deliveryId() + "/retry")
                        .with(viewer(moodle.platform.id() + 100_000, "ADMIN")))
                .andExpect(redirectedUrlPattern("/admin/gradebook-sync?notFound=*"));
        assertThat(deliveryStatus())
                .as("another platform's admin cannot retry it")
                .isEqualTo("FAILED");

        moodle.server.stubFor(moodle.authorized(WireMock.post(urlPathMatching(".*/scores")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        mvc.perform(post("/admin/gradebook-sync/" + deliveryId() + "/retry")
                        .with(viewer(moodle.platform.id(), "ADMIN")))
                .andExpect(redirectedUrlPattern("/admin/gradebook-sync?retried=*"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus()));
    }
}
