package org.microlearn.rubricsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.lti.registration.PlatformRegistrations;
import org.microlearn.people.People;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.domain.RubricAdministration;
import org.microlearn.rubricsync.domain.RubricProgress;
import org.microlearn.rubricsync.domain.RubricResync;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.FakeGradebook;
import org.microlearn.testsupport.LtiTestData;
import org.microlearn.testsupport.MicrolearnTest;
import org.microlearn.testsupport.TestHttp;
import org.microlearn.testsupport.WireMockLms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Rubric levels from completions and reviews, all the way to WireMock gradebooks shaped like Moodle and Canvas. */
@MicrolearnTest
class RubricSyncTest {

    static final String MOODLE_LINEITEMS = "/mod/lti/services.php/2/lineitems";
    static final String CANVAS_LINEITEMS = "/api/lti/courses/2/line_items";

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LessonProgress progress;

    @Autowired
    LessonCatalog lessons;

    @Autowired
    RubricProgress rubricProgress;

    @Autowired
    RubricCatalog rubrics;

    @Autowired
    RubricAdministration rubricAdministration;

    @Autowired
    RubricResync resync;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    WireMockLms lms;

    @AfterEach
    void tearDown() {
        if (lms != null) {
            lms.close();
        }
    }

    /** A platform with a gradebook, a course in it whose launches carried AGS, and a teacher. */
    record Setup(long platformId, FakeGradebook gradebook, Educators.Signed teacher, Educators.Signed coach) {}

    Setup moodle() {
        FakeGradebook gradebook = new FakeGradebook(MOODLE_LINEITEMS, true);
        lms = WireMockLms.moodle(registrations, port, options -> options.extensions(gradebook));
        return setUp(gradebook, MOODLE_LINEITEMS, "moodle");
    }

    Setup canvas() {
        FakeGradebook gradebook = new FakeGradebook(CANVAS_LINEITEMS, false);
        lms = WireMockLms.canvas(registrations, port, options -> options.extensions(gradebook));
        return setUp(gradebook, CANVAS_LINEITEMS, "canvas");
    }

    private Setup setUp(FakeGradebook gradebook, String lineItemsPath, String family) {
        lms.server.stubFor(lms.authorized(any(urlPathMatching(lineItemsPath + ".*")))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGradebook.NAME)));
        long platformId = lms.platform.id();
        Educators educators = new Educators(people, tokens);
        Educators.Signed teacher = educators.person(platformId, "ctx-" + family, "Tess Teacher", Role.TEACHER, null);
        Educators.Signed coach = educators.person(platformId, "ctx-" + family, "Cora Coach", Role.COACH, null);
        jdbc.sql("""
                        INSERT INTO lti_context (platform_id, course_id, context_id, deployment_id, lineitems_url, ags_scopes,
                                                 product_family)
                        VALUES (?, ?, ?, '1', ?, ?, ?)""")
                .params(
                        platformId,
                        teacher.viewer().courseId(),
                        "ctx-" + family,
                        lms.url(lineItemsPath),
                        LtiTestData.ALL_AGS_SCOPES,
                        family)
                .update();
        return new Setup(platformId, gradebook, teacher, coach);
    }

    @Test
    void completionsAndReviewsReachAMoodleGradebookAsOneColumnPerCriterion() {
        Setup moodle = moodle();
        List<LessonVersion> library = library(moodle.platformId());
        long attempt = complete(moodle.teacher().viewer(), library.get(0));

        Map<String, Integer> levels = awaitGradebookMatches(moodle, "PendingManual");
        assertThat(levels).isNotEmpty();
        FakeGradebook.Item column = moodle.gradebook().itemsTagged("rubric:").get(0);
        assertThat(column.label()).startsWith("Rubric ").contains(" · ");
        assertThat(column.scoreMaximum()).isEqualTo(4.0);
        assertThat(column.tag()).matches("rubric:[0-9a-f]{8}:\\d[a-z]");
        JsonNode score = column.latest(subject(moodle.teacher()));
        assertThat(score.get("comment").asString())
                .contains(library.get(0).title())
                .contains("awaiting review");

        progress.review(moodle.coach().viewer(), attempt, EvidenceStatus.REVISION_REQUESTED, "Add your questions");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(moodle.gradebook().itemsTagged("rubric:"))
                        .allSatisfy(item -> assertThat(item.latest(subject(moodle.teacher()))
                                        .get("comment")
                                        .asString())
                                .contains("returned for revision")));
        awaitGradebookMatches(moodle, "FullyGraded");

        progress.review(moodle.coach().viewer(), attempt, EvidenceStatus.APPROVED, "Lovely plan");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(moodle.gradebook().itemsTagged("rubric:"))
                        .allSatisfy(item -> assertThat(item.latest(subject(moodle.teacher()))
                                        .get("comment")
                                        .asString())
                                .contains("evidence approved")));
        awaitGradebookMatches(moodle, "FullyGraded");

        complete(moodle.teacher().viewer(), library.get(1));
        complete(moodle.teacher().viewer(), library.get(2));
        awaitGradebookMatches(moodle, "PendingManual");
        Map<String, Long> columnsPerTag = moodle.gradebook().itemsTagged("rubric:").stream()
                .collect(Collectors.groupingBy(FakeGradebook.Item::tag, Collectors.counting()));
        assertThat(columnsPerTag.values()).as("each column created once").containsOnly(1L);
    }

    @Test
    void aCanvasGradebookGetsTheSameColumns() {
        Setup canvas = canvas();
        complete(canvas.teacher().viewer(), library(canvas.platformId()).get(3));
        Map<String, Integer> levels = awaitGradebookMatches(canvas, "PendingManual");
        assertThat(levels).isNotEmpty();
        assertThat(canvas.gradebook().itemsTagged("rubric:")).hasSize(levels.size());
    }

    @Test
    void anOutageDelaysTheLevelsButLosesNone() {
        Setup moodle = moodle();
        moodle.gradebook().refuseScoresWith = 503;
        List<LessonVersion> library = library(moodle.platformId());
        complete(moodle.teacher().viewer(), library.get(0));
        complete(moodle.teacher().viewer(), library.get(4));
        // While the gradebook answers 503 nothing gets through, and the worker keeps trying.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> moodle.gradebook().items().stream()
                        .allMatch(item -> item.scores().isEmpty()));
        assertThat(lms.server
                        .countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        urlPathMatching(".*/scores"))
                                .build())
                        .getCount())
                .isGreaterThan(1);

        moodle.gradebook().refuseScoresWith = 0;
        awaitGradebookMatches(moodle, "PendingManual");
    }

    @Test
    void aChangeToTheDistrictsRubricRecomputesEveryonesLevels() {
        Setup moodle = moodle();
        complete(moodle.teacher().viewer(), library(moodle.platformId()).get(0));
        awaitGradebookMatches(moodle, "PendingManual");

        var copy = rubricAdministration.copyForDistrict(
                moodle.platformId(), rubrics.builtInRubric().orElseThrow().id());
        rubricAdministration.renameLevels(
                moodle.platformId(), copy.id(), List.of("Emerging", "Growing", "Strong", "Leading"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(moodle.gradebook().itemsTagged("rubric:"))
                        .allSatisfy(column -> assertThat(column.latest(subject(moodle.teacher()))
                                        .get("comment")
                                        .asString())
                                .containsAnyOf("(Emerging)", "(Growing)", "(Strong)", "(Leading)")));
        awaitGradebookMatches(moodle, "PendingManual");
    }

    @Test
    void aResyncSendsEveryValueAgainAndTheAdminPageShowsThemSynced() {
        Setup moodle = moodle();
        complete(moodle.teacher().viewer(), library(moodle.platformId()).get(0));
        Map<String, Integer> levels = awaitGradebookMatches(moodle, "PendingManual");
        int scoresBefore = moodle.gradebook().itemsTagged("rubric:").stream()
                .mapToInt(i -> i.scores().size())
                .sum();

        RubricResync.Job job =
                resync.start(moodle.platformId(), moodle.teacher().viewer().courseId());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> resync.job(moodle.platformId(), job.id())
                        .orElseThrow()
                        .status()
                        .equals("DONE"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> moodle.gradebook().itemsTagged("rubric:").stream()
                                .mapToInt(i -> i.scores().size())
                                .sum()
                        == scoresBefore + levels.size());

        Educators.Signed admin = new Educators(people, tokens).admin(moodle.platformId(), "Ada Admin");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String page = new TestHttp(port).get(admin.at("/admin/rubric-sync")).body();
            assertThat(page)
                    .contains("Professional learning")
                    .contains("DONE")
                    .doesNotContain("<td>1</td>\n                    <td>1</td>");
        });
        String page = new TestHttp(port).get(admin.at("/admin/rubric-sync")).body();
        assertThat(page).contains("id=\"sync-status\"");
    }

    /**
     * Waits until the gradebook holds, for each criterion where the teacher has a level, exactly
     * that level with its grading progress (and at least one column with {@code
     * gradingProgressOfNewest}); returns the levels by column tag.
     */
    private Map<String, Integer> awaitGradebookMatches(Setup setup, String gradingProgressOfNewest) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Integer> expected = expectedLevels(setup);
            Map<String, String> grading = expectedGrading(setup);
            assertThat(expected).isNotEmpty();
            assertThat(grading).containsValue(gradingProgressOfNewest);
            for (var entry : expected.entrySet()) {
                List<FakeGradebook.Item> columns = setup.gradebook().items().stream()
                        .filter(i -> entry.getKey().equals(i.tag()))
                        .toList();
                assertThat(columns).as(entry.getKey()).hasSize(1);
                JsonNode latest = columns.get(0).latest(subject(setup.teacher()));
                assertThat(latest).as(entry.getKey()).isNotNull();
                assertThat(latest.get("scoreGiven").asDouble())
                        .isEqualTo(entry.getValue().doubleValue());
                assertThat(latest.get("gradingProgress").asString()).isEqualTo(grading.get(entry.getKey()));
            }
        });
        return expectedLevels(setup);
    }

    private Map<String, Integer> expectedLevels(Setup setup) {
        var inUse = new java.util.LinkedHashMap<String, Integer>();
        String code = rubricCodeInUse(setup.platformId());
        rubricProgress.levels(setup.platformId(), setup.teacher().educatorId()).forEach((criterion, outcome) -> {
            if (outcome.level() > 0) {
                inUse.put("rubric:" + code + ":" + criterion.code(), outcome.level());
            }
        });
        return inUse;
    }

    /** PendingManual where a contributing lesson's evidence awaits a coach, FullyGraded elsewhere. */
    private Map<String, String> expectedGrading(Setup setup) {
        var grading = new java.util.LinkedHashMap<String, String>();
        String code = rubricCodeInUse(setup.platformId());
        rubricProgress.levels(setup.platformId(), setup.teacher().educatorId()).forEach((criterion, outcome) -> {
            if (outcome.level() > 0) {
                grading.put(
                        "rubric:" + code + ":" + criterion.code(),
                        outcome.pendingEvidence() ? "PendingManual" : "FullyGraded");
            }
        });
        return grading;
    }

    private String rubricCodeInUse(long platformId) {
        Rubric inUse = rubrics.rubrics(platformId).stream()
                .filter(r -> !r.builtIn())
                .max(java.util.Comparator.comparingLong(r -> r.id()))
                .flatMap(r -> rubrics.rubric(platformId, r.id()))
                .orElseGet(() -> rubrics.builtInRubric().orElseThrow());
        return inUse.uuid().split("-")[0];
    }

    private String subject(Educators.Signed person) {
        return people.educator(person.viewer().platformId(), person.educatorId())
                .orElseThrow()
                .subject();
    }

    private List<LessonVersion> library(long platformId) {
        return lessons.search(platformId, LessonFilter.all()).stream()
                .map(l -> lessons.currentVersion(platformId, l.lessonId()).orElseThrow())
                .toList();
    }

    private long complete(Viewer teacher, LessonVersion lesson) {
        progress.start(teacher, lesson.lessonId());
        for (int i = 0; i < lesson.body().sections().size(); i++) {
            progress.finishSection(teacher, lesson.lessonId(), i);
        }
        progress.answer(teacher, lesson.lessonId(), 0);
        progress.reflect(teacher, lesson.lessonId(), "What I will try");
        return progress.submit(teacher, lesson.lessonId(), "https://example.org/plan", null, null)
                .id();
    }
}
