package org.microlearn.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microlearn.lesson.LessonFactory.completeDraft;
import static org.microlearn.lesson.LessonFactory.edited;
import static org.microlearn.lesson.LessonFactory.titleOnly;
import static org.microlearn.testsupport.TestViewers.coach;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.lesson.domain.FieldProblem;
import org.microlearn.lesson.domain.LessonAuthoring;
import org.microlearn.lesson.domain.LessonNotEditableException;
import org.microlearn.lesson.domain.LessonNotFoundException;
import org.microlearn.shared.CareerStage;
import org.microlearn.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Publishing makes immutable versions; attempts keep theirs through edits, retirement and removal. */
@SpringBootTest
class LessonVersioningTest {

    private static final AtomicLong DISTRICTS = new AtomicLong(20_000);

    @Autowired
    LessonAuthoring authoring;

    @Autowired
    LessonCatalog catalog;

    @Autowired
    CompetencyCatalog competencies;

    private long competency() {
        return competencies.builtInCompetency("COG.4").orElseThrow().id();
    }

    @Test
    void publishingAnEditMakesANewVersionAndTheOldOneStaysAsItWas() {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        long lesson = authoring.create(coach, completeDraft("Exit tickets", competency()));
        long v1 = authoring
                .publish(coach, lesson, completeDraft("Exit tickets", competency()))
                .versionId();

        authoring.save(coach, lesson, edited(completeDraft("Exit tickets", competency()), "Rewritten section."));
        assertThat(catalog.currentVersion(coach.platformId(), lesson)
                        .orElseThrow()
                        .id())
                .as("a saved draft is not yet what teachers see")
                .isEqualTo(v1);

        long v2 = authoring
                .publish(coach, lesson, edited(completeDraft("Exit tickets", competency()), "Rewritten section."))
                .versionId();

        LessonVersion current =
                catalog.currentVersion(coach.platformId(), lesson).orElseThrow();
        assertThat(current.id()).isEqualTo(v2);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.body().sections().get(0).markdown()).isEqualTo("Rewritten section.");
        LessonVersion first =
                catalog.findPublishedVersion(coach.platformId(), v1).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.body().sections().get(0).markdown()).isEqualTo("Exit tickets show **what stuck**.");
    }

    @Test
    void aRetiredLessonLeavesTheCatalogButStartedAttemptsKeepTheirVersion() {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        long lesson = authoring.create(coach, completeDraft("Retire me", competency()));
        long v1 = authoring
                .publish(coach, lesson, completeDraft("Retire me", competency()))
                .versionId();

        authoring.retire(coach, lesson);

        assertThat(catalog.currentVersion(coach.platformId(), lesson)).isEmpty();
        assertThat(catalog.search(coach.platformId(), LessonFilter.all()))
                .noneMatch(summary -> summary.lessonId() == lesson);
        assertThat(catalog.findPublishedVersion(coach.platformId(), v1)).isPresent();

        authoring.restore(coach, lesson);
        assertThat(catalog.currentVersion(coach.platformId(), lesson)).isPresent();
    }

    @Test
    void aDistrictRemovesAStarterLessonForItselfOnly() {
        Viewer removing = coach(DISTRICTS.incrementAndGet());
        Viewer other = coach(DISTRICTS.incrementAndGet());
        LessonSummary starter = catalog.search(removing.platformId(), LessonFilter.all()).stream()
                .filter(LessonSummary::builtIn)
                .findFirst()
                .orElseThrow();

        authoring.retire(removing, starter.lessonId());

        assertThat(catalog.search(removing.platformId(), LessonFilter.all()))
                .noneMatch(summary -> summary.lessonId() == starter.lessonId());
        assertThat(catalog.currentVersion(removing.platformId(), starter.lessonId()))
                .isEmpty();
        assertThat(catalog.findPublishedVersion(removing.platformId(), starter.versionId()))
                .as("attempts already started keep their version")
                .isPresent();
        assertThat(catalog.search(other.platformId(), LessonFilter.all()))
                .anyMatch(summary -> summary.lessonId() == starter.lessonId());

        authoring.restore(removing, starter.lessonId());
        assertThat(catalog.currentVersion(removing.platformId(), starter.lessonId()))
                .isPresent();
    }

    @Test
    void starterLessonsAreCopiedNotEdited() {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        LessonSummary starter = catalog.search(coach.platformId(), LessonFilter.all()).stream()
                .filter(LessonSummary::builtIn)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> authoring.save(coach, starter.lessonId(), titleOnly("Mine now")))
                .isInstanceOf(LessonNotEditableException.class);

        long copy = authoring.copy(coach, starter.lessonId());
        assertThat(authoring.draftToEdit(coach, copy).title()).isEqualTo(starter.title());
        assertThat(catalog.currentVersion(coach.platformId(), copy))
                .as("a copy is a draft until published")
                .isEmpty();
    }

    @Test
    void anIncompleteDraftIsKeptButNotPublishedAndEachMissingPieceIsNamed() {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        long lesson = authoring.create(coach, titleOnly("Half written"));

        LessonAuthoring.Published published = authoring.publish(coach, lesson, titleOnly("Half written"));

        assertThat(published.versionId()).isNull();
        assertThat(published.problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "summary",
                        "estimatedMinutes",
                        "careerStages",
                        "competencyIds",
                        "sections",
                        "question",
                        "reflectionPrompt",
                        "applyInstructions");
        assertThat(authoring.draftToEdit(coach, lesson).title()).isEqualTo("Half written");
        assertThat(catalog.currentVersion(coach.platformId(), lesson)).isEmpty();
    }

    @Test
    void anotherDistrictsLessonsDoNotExistForYou() {
        Viewer owner = coach(DISTRICTS.incrementAndGet());
        Viewer stranger = coach(DISTRICTS.incrementAndGet());
        long lesson = authoring.create(owner, completeDraft("Private", competency()));
        long v1 = authoring
                .publish(owner, lesson, completeDraft("Private", competency()))
                .versionId();

        assertThat(catalog.currentVersion(stranger.platformId(), lesson)).isEmpty();
        assertThat(catalog.findPublishedVersion(stranger.platformId(), v1)).isEmpty();
        assertThatThrownBy(() -> authoring.retire(stranger, lesson)).isInstanceOf(LessonNotFoundException.class);
    }

    @Test
    void searchFiltersByCompetencyDomainStageAndMinutes() {
        Viewer coach = coach(DISTRICTS.incrementAndGet());
        var hinge = competencies.builtInCompetency("INTER.4").orElseThrow();
        assertThat(catalog.search(coach.platformId(), new LessonFilter(hinge.id(), null, null, null, null)))
                .isNotEmpty()
                .allSatisfy(summary -> assertThat(summary.competencies()).contains(hinge));
        assertThat(catalog.search(coach.platformId(), new LessonFilter(null, hinge.domainId(), null, null, null)))
                .isNotEmpty()
                .allSatisfy(summary ->
                        assertThat(summary.competencies()).anyMatch(ref -> ref.domainId() == hinge.domainId()));
        assertThat(catalog.search(
                        coach.platformId(), new LessonFilter(null, null, CareerStage.TEACHER_LEADER, null, null)))
                .isNotEmpty()
                .allSatisfy(summary -> assertThat(summary.careerStages()).contains(CareerStage.TEACHER_LEADER));
        assertThat(catalog.search(coach.platformId(), new LessonFilter(null, null, null, 5, null)))
                .isEmpty();
        assertThat(catalog.search(coach.platformId(), new LessonFilter(null, null, null, null, "two by ten")))
                .extracting(LessonSummary::title)
                .containsExactly("Two by ten: reaching a student you find hard to reach");
    }
}
