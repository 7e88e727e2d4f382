package org.microlearn.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.competency.Framework;
import org.microlearn.lesson.domain.LessonDraft;
import org.microlearn.lesson.domain.LessonRules;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.PerformanceLevel;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.shared.CareerStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The content a district gets on day one: the built-in framework, rubric and starter lessons. */
@SpringBootTest
class StarterLibraryTest {

    /** A district that has not removed anything. */
    static final long DISTRICT = 5_001;

    @Autowired
    CompetencyCatalog competencies;

    @Autowired
    RubricCatalog rubrics;

    @Autowired
    LessonCatalog lessons;

    @Autowired
    List<ApplicationRunner> loaders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBuiltInFrameworkHasTheFourDomainsWithCompetenciesAndIndicators() {
        Framework framework = competencies.builtInFramework().orElseThrow();
        assertThat(framework.domains())
                .extracting(Framework.Domain::title)
                .containsExactly("Cognitive", "Intrapersonal", "Interpersonal", "Instructional");
        for (Framework.Domain domain : framework.domains()) {
            assertThat(domain.competencies()).as(domain.title()).hasSizeBetween(3, 5);
            for (Framework.Competency competency : domain.competencies()) {
                assertThat(competency.indicators()).as(competency.code()).hasSizeBetween(2, 3);
            }
        }
    }

    @Test
    void theBuiltInRubricHasFourDomainsOfCodedCriteriaDescribedAtFourLevels() {
        Rubric rubric = rubrics.builtInRubric().orElseThrow();
        assertThat(rubric.levels())
                .extracting(PerformanceLevel::name, PerformanceLevel::score)
                .containsExactly(
                        tuple("Beginning", 1.0),
                        tuple("Developing", 2.0),
                        tuple("Proficient", 3.0),
                        tuple("Distinguished", 4.0));
        assertThat(rubric.domains())
                .extracting(Rubric.Domain::title)
                .containsExactly(
                        "Planning and Preparation",
                        "Classroom Environment",
                        "Instruction",
                        "Professional Responsibilities");
        assertThat(rubric.domains().get(2).criteria())
                .extracting(Rubric.Criterion::code)
                .containsExactly("3a", "3b", "3c", "3d");
        rubric.domains().stream()
                .flatMap(domain -> domain.criteria().stream())
                .forEach(criterion ->
                        assertThat(criterion.descriptors()).as(criterion.code()).hasSize(4));
    }

    @Test
    void everyCompetencyAndEveryCriterionTakePartInTheMapping() {
        List<CompetencyRef> all = competencies.allCompetencies(DISTRICT);
        List<MappedCriterion> mapped = rubrics.mappedCriteria(
                DISTRICT, all.stream().map(CompetencyRef::id).toList());
        assertThat(mapped.stream().map(MappedCriterion::competencyId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(
                        all.stream().map(CompetencyRef::id).toList());
        Set<String> criteria = rubrics.builtInRubric().orElseThrow().domains().stream()
                .flatMap(domain -> domain.criteria().stream())
                .map(Rubric.Criterion::code)
                .collect(Collectors.toSet());
        assertThat(mapped.stream().map(MappedCriterion::code).collect(Collectors.toSet()))
                .isEqualTo(criteria);
        assertThat(mapped)
                .allSatisfy(m -> assertThat(m.weight()).isGreaterThan(0).isLessThanOrEqualTo(1));
    }

    @Test
    void atLeastSixteenStarterLessonsWithThreePerDomainSpreadOverTheCareerStages() {
        List<LessonSummary> library = lessons.search(DISTRICT, LessonFilter.all()).stream()
                .filter(LessonSummary::builtIn)
                .toList();
        assertThat(library).hasSizeGreaterThanOrEqualTo(16);

        Map<String, Integer> perDomain = new HashMap<>();
        for (LessonSummary lesson : library) {
            lesson.competencies().stream()
                    .map(CompetencyRef::domainTitle)
                    .distinct()
                    .forEach(domain -> perDomain.merge(domain, 1, Integer::sum));
        }
        assertThat(perDomain)
                .containsOnlyKeys("Cognitive", "Intrapersonal", "Interpersonal", "Instructional")
                .allSatisfy((domain, count) -> assertThat(count).as(domain).isGreaterThanOrEqualTo(3));

        Set<CareerStage> stages = EnumSet.noneOf(CareerStage.class);
        library.forEach(lesson -> stages.addAll(lesson.careerStages()));
        assertThat(stages).containsExactlyInAnyOrder(CareerStage.values());
        for (CareerStage stage : CareerStage.values()) {
            assertThat(library.stream().filter(l -> l.careerStages().contains(stage)))
                    .as(stage.name())
                    .hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void everyStarterLessonIsCompleteAlignedToCompetenciesAndCriteriaAndFitsInTenMinutes() {
        Set<Long> visible = competencies.allCompetencies(DISTRICT).stream()
                .map(CompetencyRef::id)
                .collect(Collectors.toSet());
        List<LessonSummary> library = lessons.search(DISTRICT, LessonFilter.all()).stream()
                .filter(LessonSummary::builtIn)
                .toList();
        for (LessonSummary summary : library) {
            LessonVersion lesson =
                    lessons.currentVersion(DISTRICT, summary.lessonId()).orElseThrow();
            String name = lesson.title();
            assertThat(LessonRules.forPublishing(
                            new LessonDraft(
                                    lesson.title(),
                                    lesson.summary(),
                                    lesson.estimatedMinutes(),
                                    lesson.careerStages(),
                                    lesson.competencyIds(),
                                    lesson.body()),
                            visible))
                    .as(name)
                    .isEmpty();
            assertThat(lesson.body().sections()).as(name).hasSizeBetween(2, 4);
            assertThat(lesson.body().check().options()).as(name).hasSizeBetween(2, 4);
            assertThat(lesson.body().check().options().stream().filter(LessonBody.Option::correct))
                    .as(name)
                    .hasSize(1);
            assertThat(lesson.body().apply().evidence()).as(name).isNotNull();
            assertThat(lesson.competencyIds()).as(name).isNotEmpty();
            assertThat(rubrics.mappedCriteria(DISTRICT, lesson.competencyIds()))
                    .as(name + " reaches a rubric criterion")
                    .isNotEmpty();

            int estimate = TimeBudget.estimateMinutes(lesson.summary(), lesson.body());
            assertThat(estimate).as(name + " reading + activities").isLessThanOrEqualTo(TimeBudget.WARN_ABOVE_MINUTES);
            assertThat(lesson.estimatedMinutes())
                    .as(name + " recorded minutes")
                    .isBetween(estimate - 1, estimate + 1)
                    .isBetween(6, TimeBudget.WARN_ABOVE_MINUTES);
        }
    }

    @Test
    void loadingTheLibraryAgainChangesNothing() throws Exception {
        long lessonsBefore = count("lesson");
        long versionsBefore = count("lesson_version");
        long competenciesBefore = count("competency");
        long mappingsBefore = count("rubric_competency_mapping");
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner loader : loaders) {
            loader.run(args);
        }
        assertThat(count("lesson")).isEqualTo(lessonsBefore);
        assertThat(count("lesson_version")).isEqualTo(versionsBefore);
        assertThat(count("competency")).isEqualTo(competenciesBefore);
        assertThat(count("rubric_competency_mapping")).isEqualTo(mappingsBefore);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
