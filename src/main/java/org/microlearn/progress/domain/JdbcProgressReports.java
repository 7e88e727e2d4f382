package org.microlearn.progress.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.progress.CriterionProgress;
import org.microlearn.progress.LearningRecords;
import org.microlearn.progress.ProgressReports;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubric.RubricSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress read models: completed lessons for rubric sync and credentials ({@link LearningRecords}),
 * attempts and rubric progress for coaches, recommendations and the dashboard
 * ({@link ProgressReports}). Lesson titles, minutes and alignments come from the lesson catalogue
 * (the version each attempt is pinned to), rubric mapping from the rubric catalogue.
 */
@Service
@Transactional(readOnly = true)
public class JdbcProgressReports implements LearningRecords, ProgressReports {

    private final AttemptStore attempts;
    private final LessonCatalog lessons;
    private final RubricCatalog rubrics;

    JdbcProgressReports(AttemptStore attempts, LessonCatalog lessons, RubricCatalog rubrics) {
        this.attempts = attempts;
        this.lessons = lessons;
        this.rubrics = rubrics;
    }

    @Override
    public List<CompletedLesson> completedLessons(long platformId, long educatorId) {
        Versions versions = new Versions(platformId);
        return attempts.ofEducator(platformId, educatorId).stream()
                .filter(Attempt::completed)
                .sorted(Comparator.comparing(Attempt::completedAt))
                .map(a -> new CompletedLesson(
                        a.lessonId(),
                        a.lessonVersionId(),
                        a.id(),
                        versions.get(a.lessonVersionId())
                                .map(LessonVersion::title)
                                .orElse("Lesson " + a.lessonId()),
                        a.courseId(),
                        a.completedAt(),
                        a.evidenceStatus()))
                .toList();
    }

    @Override
    public List<AttemptSummary> attempts(long platformId, Collection<Long> educatorIds) {
        return summaries(platformId, attempts.ofEducators(platformId, educatorIds));
    }

    @Override
    public List<AttemptSummary> allAttempts(long platformId) {
        return summaries(platformId, attempts.ofPlatform(platformId));
    }

    @Override
    public int pendingReviews(long platformId) {
        return attempts.countAwaitingReview(platformId);
    }

    @Override
    public int pendingReviews(long platformId, Collection<Long> educatorIds) {
        return educatorIds.isEmpty() ? 0 : attempts.countAwaitingReview(platformId, educatorIds);
    }

    @Override
    public List<CriterionProgress> criterionProgress(long platformId, long educatorId) {
        return criterionProgress(platformId, attempts(platformId, List.of(educatorId)));
    }

    @Override
    public List<CriterionProgress> criterionProgress(long platformId, List<AttemptSummary> attemptList) {
        Optional<Rubric> rubric = primaryRubric(platformId);
        if (rubric.isEmpty()) {
            return List.of();
        }
        Set<Long> competencies = new HashSet<>();
        attemptList.stream().filter(AttemptSummary::completed).forEach(a -> competencies.addAll(a.competencyIds()));
        Map<Long, List<MappedCriterion>> byCompetency = new HashMap<>();
        rubrics.mappedCriteria(platformId, competencies).stream()
                .filter(m -> m.rubricId() == rubric.get().id())
                .forEach(m -> byCompetency
                        .computeIfAbsent(m.competencyId(), k -> new ArrayList<>())
                        .add(m));
        Map<Long, double[]> scores = new HashMap<>();
        Map<Long, Set<Long>> educators = new HashMap<>();
        for (AttemptSummary attempt : attemptList) {
            if (!attempt.completed()) {
                continue;
            }
            // Per lesson, a criterion counts its strongest mapping from the lesson's competencies,
            // so a lesson aligned to two related competencies does not count twice.
            Map<Long, Double> best = new HashMap<>();
            for (long competency : attempt.competencyIds()) {
                for (MappedCriterion m : byCompetency.getOrDefault(competency, List.of())) {
                    best.merge(m.criterionId(), m.weight(), Math::max);
                }
            }
            best.forEach((criterion, weight) -> {
                double[] s = scores.computeIfAbsent(criterion, k -> new double[2]);
                s[0] += weight;
                s[1] += 1;
                educators.computeIfAbsent(criterion, k -> new HashSet<>()).add(attempt.educatorId());
            });
        }
        List<CriterionProgress> progress = new ArrayList<>();
        for (Rubric.Domain domain : rubric.get().domains()) {
            for (Rubric.Criterion criterion : domain.criteria()) {
                double[] s = scores.getOrDefault(criterion.id(), new double[2]);
                progress.add(new CriterionProgress(
                        criterion.id(),
                        criterion.code(),
                        criterion.title(),
                        domain.title(),
                        rubric.get().id(),
                        rubric.get().title(),
                        Math.round(s[0] * 100) / 100.0,
                        (int) s[1],
                        educators.getOrDefault(criterion.id(), Set.of()).size()));
            }
        }
        return progress;
    }

    /** The district's own rubric when it has one, else the built-in rubric. */
    private Optional<Rubric> primaryRubric(long platformId) {
        List<RubricSummary> visible = rubrics.rubrics(platformId);
        return visible.stream()
                .filter(r -> !r.builtIn())
                .findFirst()
                .or(() -> visible.stream().findFirst())
                .flatMap(r -> rubrics.rubric(platformId, r.id()));
    }

    private List<AttemptSummary> summaries(long platformId, List<Attempt> list) {
        Versions versions = new Versions(platformId);
        return list.stream()
                .map(a -> {
                    Optional<LessonVersion> v = versions.get(a.lessonVersionId());
                    return new AttemptSummary(
                            a.id(),
                            a.educatorId(),
                            a.courseId(),
                            a.lessonId(),
                            a.lessonVersionId(),
                            v.map(LessonVersion::title).orElse("Lesson " + a.lessonId()),
                            a.status(),
                            a.evidenceStatus(),
                            a.startedAt(),
                            a.completedAt(),
                            v.map(LessonVersion::estimatedMinutes).orElse(0),
                            v.map(LessonVersion::competencyIds).orElse(List.of()),
                            a.coachFeedback(),
                            a.reviewedAt());
                })
                .toList();
    }

    /** Lesson versions looked up once per report. */
    private final class Versions {
        private final long platformId;
        private final Map<Long, Optional<LessonVersion>> cache = new LinkedHashMap<>();

        Versions(long platformId) {
            this.platformId = platformId;
        }

        Optional<LessonVersion> get(long versionId) {
            return cache.computeIfAbsent(versionId, id -> lessons.findPublishedVersion(platformId, id));
        }
    }
}
