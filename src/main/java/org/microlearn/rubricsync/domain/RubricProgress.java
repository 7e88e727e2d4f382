package org.microlearn.rubricsync.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonVersion;
import org.microlearn.people.People;
import org.microlearn.progress.LearningRecords;
import org.microlearn.rubric.MappedCriterion;
import org.microlearn.rubric.Rubric;
import org.microlearn.rubric.RubricCatalog;
import org.microlearn.rubricsync.LevelRule;
import org.microlearn.shared.GradebookScoreChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes each teacher's level on every criterion of the rubric in use, stores it per course, and
 * publishes a {@link GradebookScoreChanged} for every value that changed (or for all of them on a
 * resync). The lti module turns those into one gradebook column per criterion.
 */
@Service
public class RubricProgress {

    public static final String TAG_PREFIX = "rubric:";

    private final LearningRecords records;
    private final LessonCatalog lessons;
    private final RubricCatalog rubrics;
    private final SyncRules rules;
    private final People people;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RubricProgress(
            LearningRecords records,
            LessonCatalog lessons,
            RubricCatalog rubrics,
            SyncRules rules,
            People people,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.lessons = lessons;
        this.rubrics = rubrics;
        this.rules = rules;
        this.people = people;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A teacher's outcome on each criterion of the rubric in use, in rubric order. */
    @Transactional(readOnly = true)
    public Map<Rubric.Criterion, LevelRule.Outcome> levels(long platformId, long educatorId) {
        Optional<SyncRules.InUse> inUse = rules.inUse(platformId);
        if (inUse.isEmpty()) {
            return Map.of();
        }
        Rubric rubric = inUse.get().rubric();
        Map<Long, List<LevelRule.Contribution>> byCriterion = new HashMap<>();
        for (LearningRecords.CompletedLesson completed : records.completedLessons(platformId, educatorId)) {
            Optional<LessonVersion> version = lessons.findPublishedVersion(platformId, completed.lessonVersionId());
            if (version.isEmpty()) {
                continue;
            }
            Map<Long, Double> strongest = new HashMap<>();
            for (MappedCriterion mapped :
                    rubrics.mappedCriteria(platformId, version.get().competencyIds())) {
                if (mapped.rubricId() == rubric.id()) {
                    strongest.merge(mapped.criterionId(), mapped.weight(), Math::max);
                }
            }
            strongest.forEach((criterionId, weight) -> byCriterion
                    .computeIfAbsent(criterionId, id -> new ArrayList<>())
                    .add(new LevelRule.Contribution(
                            completed.title(), completed.completedAt(), weight, completed.evidence())));
        }
        Map<Rubric.Criterion, LevelRule.Outcome> outcomes = new LinkedHashMap<>();
        for (Rubric.Domain domain : rubric.domains()) {
            for (Rubric.Criterion criterion : domain.criteria()) {
                outcomes.put(
                        criterion,
                        inUse.get()
                                .rule()
                                .apply(
                                        byCriterion.getOrDefault(criterion.id(), List.of()),
                                        inUse.get().levelNames()));
            }
        }
        return outcomes;
    }

    /**
     * Recomputes the teacher's levels and sends what changed to every course they launched in
     * (or only {@code onlyCourseId}); with {@code force}, sends every non-zero level again.
     *
     * @return how many scores were published
     */
    @Transactional
    public int recompute(long platformId, long educatorId, Long onlyCourseId, boolean force) {
        // One recompute per teacher at a time, on any node: two racing ones (a completion and a
        // rubric change) could otherwise store and send an older view after a newer one. Taken
        // before any other read, so this transaction's snapshot starts after the other's commit.
        jdbc.sql("SELECT id FROM educator WHERE id = ? FOR UPDATE")
                .param(educatorId)
                .query(Long.class)
                .optional();
        Optional<SyncRules.InUse> inUse = rules.inUse(platformId);
        if (inUse.isEmpty()) {
            return 0;
        }
        Map<Rubric.Criterion, LevelRule.Outcome> outcomes = levels(platformId, educatorId);
        List<Long> courses = onlyCourseId == null ? people.coursesOf(platformId, educatorId) : List.of(onlyCourseId);
        Instant now = clock.instant();
        int published = 0;
        for (long courseId : courses) {
            for (Map.Entry<Rubric.Criterion, LevelRule.Outcome> entry : outcomes.entrySet()) {
                if (store(platformId, courseId, educatorId, entry.getKey(), entry.getValue(), now, force)) {
                    events.publishEvent(score(
                            platformId, courseId, educatorId, inUse.get(), entry.getKey(), entry.getValue(), now));
                    published++;
                }
            }
        }
        return published;
    }

    /** Stores the outcome; true when it should be sent (changed, or forced and worth sending). */
    private boolean store(
            long platformId,
            long courseId,
            long educatorId,
            Rubric.Criterion criterion,
            LevelRule.Outcome outcome,
            Instant now,
            boolean force) {
        record Stored(int level, BigDecimal points, boolean pending, String comment) {}
        Optional<Stored> stored = jdbc.sql("""
                        SELECT level, points, pending_evidence, comment FROM rubric_progress
                        WHERE course_id = ? AND educator_id = ? AND criterion_id = ?""")
                .params(courseId, educatorId, criterion.id())
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getBigDecimal(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
        BigDecimal points = BigDecimal.valueOf(outcome.points()).setScale(3, RoundingMode.HALF_UP);
        boolean unchanged = stored.isPresent()
                && stored.get().level() == outcome.level()
                && stored.get().points().compareTo(points) == 0
                && stored.get().pending() == outcome.pendingEvidence()
                && stored.get().comment().equals(outcome.comment());
        if (stored.isEmpty() && outcome.level() == 0) {
            return false; // no column value until there is something to show
        }
        if (unchanged && !force) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO rubric_progress (platform_id, course_id, educator_id, criterion_id, resource_id, level,
                            points, pending_evidence, comment, computed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE level = VALUES(level), points = VALUES(points),
                            pending_evidence = VALUES(pending_evidence), comment = VALUES(comment),
                            computed_at = VALUES(computed_at)""")
                .params(
                        platformId,
                        courseId,
                        educatorId,
                        criterion.id(),
                        criterion.uuid(),
                        outcome.level(),
                        points,
                        outcome.pendingEvidence(),
                        outcome.comment(),
                        Timestamp.from(now))
                .update();
        return true;
    }

    static GradebookScoreChanged score(
            long platformId,
            long courseId,
            long educatorId,
            SyncRules.InUse inUse,
            Rubric.Criterion criterion,
            LevelRule.Outcome outcome,
            Instant now) {
        int levels = inUse.rubric().levels().size();
        return new GradebookScoreChanged(
                platformId,
                courseId,
                educatorId,
                column(inUse, criterion),
                outcome.level(),
                levels,
                outcome.level() >= levels ? "Completed" : "InProgress",
                outcome.pendingEvidence() ? "PendingManual" : "FullyGraded",
                outcome.comment(),
                now,
                null,
                null);
    }

    /** One gradebook column per criterion: found or created by resourceId and tag. */
    public static GradebookScoreChanged.Column column(SyncRules.InUse inUse, Rubric.Criterion criterion) {
        String code = criterion.code() == null ? criterion.uuid().split("-")[0] : criterion.code();
        return new GradebookScoreChanged.Column(
                criterion.uuid(),
                TAG_PREFIX + inUse.rubricCode() + ":" + code,
                "Rubric " + (criterion.code() == null ? "" : criterion.code() + " · ") + criterion.title(),
                inUse.rubric().levels().size(),
                null);
    }
}
