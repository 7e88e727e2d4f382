package org.microlearn.lti.gradebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grade passback end to end: an event published in a transaction, the outbox, the worker, and a
 * WireMock LMS that misbehaves in the ways real ones do.
 */
@MicrolearnTest
class GradePassbackTest {

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
    ScoreDeliveries deliveries;

    @Autowired
    ScoreDeliveryWorker worker;

    @LocalServerPort
    int port;

    LtiTestData data;
    WireMockLms moodle;

    @BeforeEach
    void setUp() {
        data = new LtiTestData(jdbc);
        moodle = WireMockLms.moodle(registrations, port);
    }

    @AfterEach
    void tearDown() {
        moodle.close();
    }

    // ---- named factories ------------------------------------------------------------------

    record Teacher(long educatorId, String subject) {}

    List<Teacher> teachers(WireMockLms platform, int count) {
        List<Teacher> teachers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = "u-" + UUID.randomUUID();
            teachers.add(new Teacher(data.educator(platform.platform.id(), subject, "Teacher " + i), subject));
        }
        return teachers;
    }

    long moodleCourse() {
        return data.courseWithServices(moodle.platform.id(), moodle.url(LINEITEMS + "?type_id=1"), null, "moodle");
    }

    static GradebookScoreChanged lessonScore(
            long platformId, long courseId, Teacher teacher, double given, Instant timestamp) {
        return new GradebookScoreChanged(
                platformId,
                courseId,
                teacher.educatorId(),
                new GradebookScoreChanged.Column("lesson-42", "lesson", "Lesson 42: Wait time", 10, null),
                given,
                10,
                "Completed",
                "FullyGraded",
                "Evidence reviewed",
                timestamp,
                timestamp.minus(10, ChronoUnit.MINUTES),
                timestamp);
    }

    void publish(GradebookScoreChanged score) {
        transactions.executeWithoutResult(status -> events.publishEvent(score));
    }

    /** Moodle's course already has the lesson's column (on the second of two pages). */
    void moodleHasTheLessonColumn() {
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                        .withHeader("link", "<" + moodle.url(LINEITEMS + "?type_id=1&page=2") + ">; rel=“next”")
                        .withBody("[]"))));
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS))
                .withQueryParam("page", equalTo("2"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                        .withBody("[{\"id\": \"" + moodle.url(LINEITEMS + "/5/lineitem?type_id=1")
                                + "\", \"label\": \"Lesson 42\", \"scoreMaximum\": 10, \"resourceId\": \"lesson-42\","
                                + " \"tag\": \"lesson\"}]"))));
    }

    StubMapping moodleAcceptsScores(int delayMillis) {
        return moodle.server.stubFor(moodle.authorized(post(urlPathMatching(LINEITEMS + "/[0-9]+/lineitem/scores"))
                .withQueryParam("type_id", equalTo("1"))
                .withHeader("Content-Type", equalTo("application/vnd.ims.lis.v1.score+json"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis))));
    }

    record Posted(String url, String userId, double scoreGiven, String timestamp, int status, Instant at) {}

    static List<Posted> scorePosts(WireMockLms platform) {
        return platform.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("/scores"))
                .sorted(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
                .map(e -> {
                    JsonNode body = json.readTree(e.getRequest().getBodyAsString());
                    return new Posted(
                            e.getRequest().getUrl(),
                            body.path("userId").asString(),
                            body.path("scoreGiven").asDouble(),
                            body.path("timestamp").asString(),
                            e.getResponse().getStatus(),
                            e.getRequest().getLoggedDate().toInstant());
                })
                .toList();
    }

    static Map<String, List<Posted>> acceptedByUser(WireMockLms platform) {
        return scorePosts(platform).stream()
                .filter(p -> p.status() == 200)
                .collect(Collectors.groupingBy(Posted::userId));
    }

    /** The delivery's status, or null before the listener has recorded it. */
    String statusOf(Teacher teacher, long courseId) {
        return jdbc.sql("SELECT status FROM lti_score_delivery WHERE educator_id = ? AND course_id = ?")
                .params(teacher.educatorId(), courseId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void awaitDelivered(List<Teacher> teachers, long courseId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(teachers)
                        .allSatisfy(t -> assertThat(statusOf(t, courseId)).isEqualTo("DELIVERED")));
    }

    // ---- tests ----------------------------------------------------------------------------

    @Test
    void deliversEachTeachersLatestScoreToMoodleCreatingTheColumnOnce() {
        long course = moodleCourse();
        List<Teacher> teachers = teachers(moodle, 3);
        moodle.server.stubFor(moodle.authorized(get(urlPathEqualTo(LINEITEMS)))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                        .withBody("[{\"id\": \"" + moodle.url(LINEITEMS + "/2/lineitem?type_id=1")
                                + "\", \"label\": \"Other\", \"resourceId\": \"\", \"tag\": \"\"}]")));
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(LINEITEMS + "?type_id=1")))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                        .withBody("{\"id\": \"" + moodle.url(LINEITEMS + "/10/lineitem?type_id=1")
                                + "\", \"label\": \"Lesson 42: Wait time\", \"scoreMaximum\": 10,"
                                + " \"resourceId\": \"lesson-42\", \"tag\": \"lesson\"}")));
        moodleAcceptsScores(0);
        Instant t0 = Instant.parse("2026-11-20T09:00:00.123Z");

        publish(lessonScore(moodle.platform.id(), course, teachers.get(0), 5, t0));
        publish(lessonScore(moodle.platform.id(), course, teachers.get(0), 8, t0.plusSeconds(60)));
        publish(lessonScore(moodle.platform.id(), course, teachers.get(1), 6, t0));
        publish(lessonScore(moodle.platform.id(), course, teachers.get(2), 9, t0.plusSeconds(120)));

        awaitDelivered(teachers, course);
        moodle.server.verify(1, postRequestedFor(urlEqualTo(LINEITEMS + "?type_id=1")));
        Map<String, List<Posted>> accepted = acceptedByUser(moodle);
        List<Posted> first = accepted.get(teachers.get(0).subject());
        assertThat(first.get(first.size() - 1).scoreGiven()).isEqualTo(8);
        assertThat(accepted.get(teachers.get(1).subject())).singleElement().satisfies(p -> {
            assertThat(p.scoreGiven()).isEqualTo(6);
            assertThat(p.timestamp()).isEqualTo("2026-11-20T09:00:00.123Z");
            assertThat(p.url()).isEqualTo(LINEITEMS + "/10/lineitem/scores?type_id=1");
        });
        assertThat(accepted.get(teachers.get(2).subject()))
                .extracting(Posted::scoreGiven)
                .containsExactly(9.0);
        assertThat(moodle.tokens.failures).isEmpty();
        assertThat(moodle.tokens.issued()).isEqualTo(1);
    }

    @Test
    void anOlderScoreNeverReplacesANewerOneAndAReplayChangesNothing() {
        long course = moodleCourse();
        Teacher teacher = teachers(moodle, 1).get(0);
        Instant t = Instant.parse("2026-11-20T09:00:00Z");

        assertThat(deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 9, t)))
                .isTrue();
        assertThat(deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 3, t.minusSeconds(1))))
                .isFalse();
        assertThat(deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 9, t)))
                .isFalse();
        assertThat(deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 7, t.plusMillis(1))))
                .isTrue();

        Map<String, Object> row = jdbc.sql(
                        "SELECT score_given, version FROM lti_score_delivery WHERE educator_id = ? AND course_id = ?")
                .params(teacher.educatorId(), course)
                .query()
                .singleRow();
        assertThat(((Number) row.get("score_given")).doubleValue()).isEqualTo(7);
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(2);
    }

    @Test
    void concurrentOutOfOrderEventsLeaveEachTeachersLatestScore() throws Exception {
        long course = moodleCourse();
        List<Teacher> teachers = teachers(moodle, 20);
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        List<GradebookScoreChanged> scores = new ArrayList<>();
        for (Teacher teacher : teachers) {
            for (int version = 1; version <= 5; version++) {
                scores.add(lessonScore(moodle.platform.id(), course, teacher, version, t.plusSeconds(version)));
            }
        }
        java.util.Collections.shuffle(scores, new java.util.Random(42));

        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> published = new ArrayList<>();
            scores.forEach(score -> published.add(publishers.submit(() -> publish(score))));
            for (Future<?> future : published) {
                future.get();
            }
        } finally {
            publishers.shutdown();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ? AND score_given = 5")
                                .param(course)
                                .query(Integer.class)
                                .single()
                        == 20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ?")
                        .param(course)
                        .query(Integer.class)
                        .single())
                .isEqualTo(20);
    }

    @Test
    void canvasScoresGoToTheLinksLineItemWithCanvasSubmissionExtension() {
        try (WireMockLms canvas = WireMockLms.canvas(registrations, port)) {
            String lineItems = "/api/lti/courses/7/line_items";
            long course = data.courseWithServices(canvas.platform.id(), canvas.url(lineItems), null, "canvas");
            data.resourceLink(canvas.platform.id(), "rl-1", course, canvas.url(lineItems + "/3"), "lesson-42");
            Teacher teacher = teachers(canvas, 1).get(0);
            canvas.server.stubFor(canvas.authorized(post(urlEqualTo(lineItems + "/3/scores")))
                    .willReturn(aResponse().withStatus(200).withBody("{\"resultUrl\":\"x\"}")));
            Instant at = Instant.parse("2026-11-20T09:00:00Z");

            publish(new GradebookScoreChanged(
                    canvas.platform.id(),
                    course,
                    teacher.educatorId(),
                    new GradebookScoreChanged.Column("lesson-42", "lesson", "Lesson 42", 10, "rl-1"),
                    10,
                    10,
                    "Submitted",
                    "PendingManual",
                    null,
                    at,
                    at.minusSeconds(300),
                    at));

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(statusOf(teacher, course)).isEqualTo("DELIVERED"));
            String body = canvas.bodiesAt(lineItems + "/3/scores").get(0);
            JsonNode score = json.readTree(body);
            assertThat(score.path("gradingProgress").asString()).isEqualTo("PendingManual");
            assertThat(score.path("activityProgress").asString()).isEqualTo("Submitted");
            JsonNode extension = score.path("https://canvas.instructure.com/lti/submission");
            assertThat(extension.path("new_submission").asBoolean()).isTrue();
            assertThat(extension.path("submitted_at").asString()).isEqualTo("2026-11-20T09:00:00Z");
            assertThat(canvas.server.findAll(
                            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(lineItems))))
                    .as("the link's own line item is used; no lookup")
                    .isEmpty();
        }
    }

    @Test
    void throttlingServerErrorsAnExpiredTokenAndATimeoutEndInExactlyOneAcceptedScore() {
        long course = moodleCourse();
        Teacher teacher = teachers(moodle, 1).get(0);
        moodleHasTheLessonColumn();
        String scores = LINEITEMS + "/5/lineitem/scores?type_id=1";
        String[] states = {Scenario.STARTED, "throttled", "failed", "token refused", "timed out"};
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(scores)))
                .inScenario("faults")
                .whenScenarioStateIs(states[0])
                .willSetStateTo(states[1])
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(scores)))
                .inScenario("faults")
                .whenScenarioStateIs(states[1])
                .willSetStateTo(states[2])
                .willReturn(aResponse().withStatus(502).withBody("Bad gateway")));
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(scores)))
                .inScenario("faults")
                .whenScenarioStateIs(states[2])
                .willSetStateTo(states[3])
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token expired\"}")));
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(scores)))
                .inScenario("faults")
                .whenScenarioStateIs(states[3])
                .willSetStateTo(states[4])
                .willReturn(aResponse().withStatus(500).withFixedDelay(3000)));
        moodle.server.stubFor(moodle.authorized(post(urlEqualTo(scores)))
                .inScenario("faults")
                .whenScenarioStateIs(states[4])
                .willReturn(aResponse().withStatus(200)));

        publish(lessonScore(moodle.platform.id(), course, teacher, 7.5, Instant.parse("2026-11-20T09:00:00Z")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusOf(teacher, course)).isEqualTo("DELIVERED"));
        List<Posted> posts = scorePosts(moodle);
        assertThat(posts).extracting(Posted::status).containsExactly(429, 502, 401, 500, 200);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
                .as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(posts).extracting(Posted::timestamp).containsOnly("2026-11-20T09:00:00Z");
        assertThat(moodle.tokens.issued()).as("one fresh token after the 401").isEqualTo(2);
    }

    @Test
    void aPlatformDownForAWhileGetsEveryLatestScoreExactlyOnceWhenItIsBack() {
        long course = moodleCourse();
        List<Teacher> teachers = teachers(moodle, 10);
        moodleHasTheLessonColumn();
        moodleAcceptsScores(0);
        StubMapping down = moodle.server.stubFor(
                any(anyUrl()).atPriority(0).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        teachers.forEach(teacher -> publish(lessonScore(moodle.platform.id(), course, teacher, 4, t)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT MAX(attempts) FROM lti_score_delivery WHERE course_id = ?")
                                .param(course)
                                .query(Integer.class)
                                .single()
                        >= 2);

        // While it is down, half of the teachers improve their scores.
        teachers.subList(0, 5)
                .forEach(teacher -> publish(lessonScore(moodle.platform.id(), course, teacher, 9, t.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ? AND score_given = 9")
                                .param(course)
                                .query(Integer.class)
                                .single()
                        == 5);
        moodle.server.removeStub(down);

        awaitDelivered(teachers, course);
        Map<String, List<Posted>> accepted = acceptedByUser(moodle);
        for (int i = 0; i < teachers.size(); i++) {
            assertThat(accepted.get(teachers.get(i).subject()))
                    .singleElement()
                    .extracting(Posted::scoreGiven)
                    .isEqualTo(i < 5 ? 9.0 : 4.0);
        }
        assertThat(jdbc.sql("SELECT MAX(last_status) FROM lti_score_delivery WHERE course_id = ?")
                        .param(course)
                        .query(Integer.class)
                        .single())
                .isEqualTo(200);
    }

    @Test
    void twoWorkersRacingOverOneBacklogNeverSendTheSameScoreTwice() throws Exception {
        long course = moodleCourse();
        List<Teacher> teachers = teachers(moodle, 40);
        moodleHasTheLessonColumn();
        moodleAcceptsScores(5);
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        transactions.executeWithoutResult(status -> teachers.forEach(
                teacher -> deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 6, t))));

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(two.submit(() -> {
                    int claimed = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (pendingIn(course) > 0 && System.nanoTime() < deadline) {
                        claimed += worker.deliverDue(3);
                    }
                    return claimed;
                }));
            }
            for (Future<Integer> w : workers) {
                w.get();
            }
        } finally {
            two.shutdownNow();
        }

        awaitDelivered(teachers, course);
        Map<String, List<Posted>> accepted = acceptedByUser(moodle);
        assertThat(accepted).hasSize(40);
        assertThat(accepted.values()).allSatisfy(posts -> assertThat(posts).hasSize(1));
        assertThat(scorePosts(moodle)).hasSize(40);
    }

    long pendingIn(long course) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE course_id = ? AND status = 'PENDING'")
                .param(course)
                .query(Long.class)
                .single();
    }

    @Test
    void aDeliveryLeasedByAWorkerThatDiedIsSentOnceItsLeaseRunsOut() {
        long course = moodleCourse();
        Teacher teacher = teachers(moodle, 1).get(0);
        moodleHasTheLessonColumn();
        moodleAcceptsScores(0);
        transactions.executeWithoutResult(status -> {
            deliveries.record(lessonScore(moodle.platform.id(), course, teacher, 6, Instant.now()));
            // A worker on another node claimed it a moment ago, then its node died.
            jdbc.sql("""
                            UPDATE lti_score_delivery SET lease_owner = 'dead-node', leased_until = ?
                            WHERE educator_id = ? AND course_id = ?""")
                    .params(java.sql.Timestamp.from(Instant.now().plusSeconds(1)), teacher.educatorId(), course)
                    .update();
        });

        worker.deliverDue(200);
        assertThat(jdbc.sql("SELECT lease_owner FROM lti_score_delivery WHERE educator_id = ?")
                        .param(teacher.educatorId())
                        .query(String.class)
                        .single())
                .as("a leased delivery is not due")
                .isEqualTo("dead-node");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statusOf(teacher, course)).isEqualTo("DELIVERED"));
        assertThat(acceptedByUser(moodle).get(teacher.subject())).hasSize(1);
    }

    @Test
    void aCourseWithoutGradeServicesFailsWithTheReason() {
        long course = data.courseWithServices(moodle.platform.id(), null, null, "moodle");
        Teacher teacher = teachers(moodle, 1).get(0);

        publish(lessonScore(moodle.platform.id(), course, teacher, 6, Instant.now()));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statusOf(teacher, course)).isEqualTo("FAILED"));
        assertThat(jdbc.sql("SELECT last_error FROM lti_score_delivery WHERE educator_id = ?")
                        .param(teacher.educatorId())
                        .query(String.class)
                        .single())
                .contains("no Assignment and Grade Services endpoint");
        assertThat(moodle.server.getAllServeEvents()).isEmpty();
    }
}
