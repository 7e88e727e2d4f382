package org.microlearn.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.domain.LessonProgress;
import org.microlearn.session.SessionTokens;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.shared.Role;
import org.microlearn.shared.Viewer;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Completion and review publish the events the gradebook, rubric sync and credentials rely on. */
@MicrolearnTest
@RecordApplicationEvents
class CompletionEventsTest {

    @Autowired
    LessonProgress progress;

    @Autowired
    LessonCatalog lessons;

    @Autowired
    People people;

    @Autowired
    SessionTokens tokens;

    @Autowired
    LearningRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void completingPublishesPendingManualThenApprovalPublishesFullyGradedOnTheDeepLinkedLineItem() {
        long district = Educators.district();
        LessonVersion lesson = lesson(district);
        // The teacher launched through a link that deep linking made for this lesson.
        jdbc.sql("INSERT INTO lti_resource_link (platform_id, resource_link_id, lesson_ref) VALUES (?, 'rl-7', ?)")
                .params(district, Long.toString(lesson.lessonId()))
                .update();
        Viewer teacher = new Educators(people, tokens)
                .person(district, "Tess Teacher", Role.TEACHER, "rl-7")
                .viewer();
        Viewer coach =
                new Educators(people, tokens).coach(district, "Cora Coach").viewer();

        complete(teacher, lesson);

        LessonCompleted completed =
                events.stream(LessonCompleted.class).findFirst().orElseThrow();
        assertThat(completed.educatorId()).isEqualTo(teacher.educatorId());
        assertThat(completed.lessonVersionId()).isEqualTo(lesson.id());
        assertThat(completed.resourceLinkId()).isEqualTo("rl-7");
        assertThat(completed.evidencePending()).isTrue();
        GradebookScoreChanged pending =
                events.stream(GradebookScoreChanged.class).findFirst().orElseThrow();
        assertThat(pending.gradingProgress()).isEqualTo("PendingManual");
        assertThat(pending.activityProgress()).isEqualTo("Completed");
        assertThat(pending.scoreGiven()).isEqualTo(100.0);
        assertThat(pending.scoreMaximum()).isEqualTo(100.0);
        assertThat(pending.courseId()).isEqualTo(teacher.courseId());
        assertThat(pending.column())
                .isEqualTo(new GradebookScoreChanged.Column(
                        Long.toString(lesson.lessonId()), "lesson", lesson.title(), 100.0, "rl-7"));
        assertThat(pending.startedAt()).isNotNull();
        assertThat(pending.submittedAt()).isNotNull();

        long attemptId = completed.attemptId();
        progress.review(coach, attemptId, EvidenceStatus.REVISION_REQUESTED, "Add the questions you will ask");
        progress.review(coach, attemptId, EvidenceStatus.APPROVED, "Lovely plan");

        List<GradebookScoreChanged> scores =
                events.stream(GradebookScoreChanged.class).toList();
        assertThat(scores)
                .extracting(GradebookScoreChanged::gradingProgress)
                .containsExactly("PendingManual", "PendingManual", "FullyGraded");
        assertThat(scores.get(1).activityProgress()).isEqualTo("InProgress");
        assertThat(scores.get(1).comment()).isEqualTo("Add the questions you will ask");
        assertThat(scores.get(2).comment()).isEqualTo("Lovely plan");
        assertThat(scores.get(2).column().resourceLinkId()).isEqualTo("rl-7");
        assertThat(scores.get(2).timestamp()).isAfterOrEqualTo(scores.get(0).timestamp());
        assertThat(events.stream(EvidenceReviewed.class))
                .extracting(EvidenceReviewed::status)
                .containsExactly(EvidenceStatus.REVISION_REQUESTED, EvidenceStatus.APPROVED);

        assertThat(records.completedLessons(district, teacher.educatorId()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.lessonId()).isEqualTo(lesson.lessonId());
                    assertThat(c.evidence()).isEqualTo(EvidenceStatus.APPROVED);
                });
    }

    @Test
    void aLessonOpenedOutsideItsDeepLinkScoresOnTheLessonColumnWithoutALink() {
        long district = Educators.district();
        LessonVersion lesson = lesson(district);
        Viewer teacher = new Educators(people, tokens)
                .person(district, "Tess Teacher", Role.TEACHER, "some-other-link")
                .viewer();

        complete(teacher, lesson);

        GradebookScoreChanged score =
                events.stream(GradebookScoreChanged.class).findFirst().orElseThrow();
        assertThat(score.column().resourceLinkId()).isNull();
        assertThat(score.column().tag()).isEqualTo("lesson");
    }

    private void complete(Viewer teacher, LessonVersion lesson) {
        progress.start(teacher, lesson.lessonId());
        for (int i = 0; i < lesson.body().sections().size(); i++) {
            progress.finishSection(teacher, lesson.lessonId(), i);
        }
        progress.answer(teacher, lesson.lessonId(), 0);
        progress.reflect(teacher, lesson.lessonId(), "Thinking");
        progress.submit(teacher, lesson.lessonId(), "https://example.org/plan", null, null);
    }

    private LessonVersion lesson(long district) {
        long id = lessons.search(district, LessonFilter.all()).get(2).lessonId();
        return lessons.currentVersion(district, id).orElseThrow();
    }
}
