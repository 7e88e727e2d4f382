package org.microlearn.progress.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.ProgressReports.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for attempts. Every statement is filtered by platform, and by educator where a teacher asks. */
@Repository
public class AttemptStore {

    private static final String COLUMNS = """
            id, platform_id, educator_id, course_id, lesson_id, lesson_version_id, resource_link_id, furthest_step,
            check_option, check_correct, check_tries, reflection, evidence_link, evidence_note, evidence_file_id,
            status, evidence_status, coach_feedback, reviewed_by, reviewed_at, shared_at, started_at, updated_at,
            completed_at, submitted_at""";

    private final JdbcClient jdbc;

    AttemptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The educator's own attempt at a lesson. */
    public Optional<Attempt> mine(long platformId, long educatorId, long lessonId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM lesson_attempt WHERE platform_id = ? AND educator_id = ? AND lesson_id = ?")
                .params(platformId, educatorId, lessonId)
                .query(AttemptStore::map)
                .optional();
    }

    /** An attempt of the platform by id (for coaches and admins; check the viewer before use). */
    public Optional<Attempt> find(long platformId, long attemptId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_attempt WHERE platform_id = ? AND id = ?")
                .params(platformId, attemptId)
                .query(AttemptStore::map)
                .optional();
    }

    public List<Attempt> ofEducator(long platformId, long educatorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_attempt WHERE platform_id = ? AND educator_id = ?"
                        + " ORDER BY COALESCE(completed_at, updated_at), id")
                .params(platformId, educatorId)
                .query(AttemptStore::map)
                .list();
    }

    public List<Attempt> ofEducators(long platformId, Collection<Long> educatorIds) {
        if (educatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM lesson_attempt WHERE platform_id = :platform AND educator_id IN (:educators)")
                .param("platform", platformId)
                .param("educators", educatorIds)
                .query(AttemptStore::map)
                .list();
    }

    public List<Attempt> ofPlatform(long platformId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_attempt WHERE platform_id = ?")
                .params(platformId)
                .query(AttemptStore::map)
                .list();
    }

    /** Evidence waiting for a coach, oldest first. */
    public List<Attempt> awaitingReview(long platformId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM lesson_attempt WHERE platform_id = ? AND evidence_status = 'PENDING'"
                        + " ORDER BY submitted_at, id")
                .params(platformId)
                .query(AttemptStore::map)
                .list();
    }

    /** Recently reviewed evidence, newest first. */
    public List<Attempt> recentlyReviewed(long platformId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_attempt WHERE platform_id = ? AND reviewed_at IS NOT NULL"
                        + " ORDER BY reviewed_at DESC, id DESC LIMIT ?")
                .params(platformId, limit)
                .query(AttemptStore::map)
                .list();
    }

    public int countAwaitingReview(long platformId) {
        return jdbc.sql("SELECT COUNT(*) FROM lesson_attempt WHERE platform_id = ? AND evidence_status = 'PENDING'")
                .params(platformId)
                .query(Integer.class)
                .single();
    }

    public int countAwaitingReview(long platformId, Collection<Long> educatorIds) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM lesson_attempt
                        WHERE platform_id = :platform AND evidence_status = 'PENDING' AND educator_id IN (:educators)""")
                .param("platform", platformId)
                .param("educators", educatorIds)
                .query(Integer.class)
                .single();
    }

    /** What the educator's learning-group peers shared, newest first. */
    public List<Attempt> sharedBy(long platformId, Collection<Long> educatorIds) {
        if (educatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM lesson_attempt WHERE platform_id = :platform"
                        + " AND educator_id IN (:educators) AND shared_at IS NOT NULL ORDER BY shared_at DESC LIMIT 50")
                .param("platform", platformId)
                .param("educators", educatorIds)
                .query(AttemptStore::map)
                .list();
    }

    /** Starts an attempt, or hands back the one that exists (two tabs may start at once). */
    public Attempt start(
            long platformId,
            long educatorId,
            Long courseId,
            long lessonId,
            long versionId,
            String resourceLinkId,
            Instant now) {
        jdbc.sql("""
                        INSERT IGNORE INTO lesson_attempt (platform_id, educator_id, course_id, lesson_id, lesson_version_id,
                            resource_link_id, status, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)
                        """)
                .params(platformId, educatorId, courseId, lessonId, versionId, resourceLinkId, ts(now), ts(now))
                .update(new GeneratedKeyHolder());
        return mine(platformId, educatorId, lessonId).orElseThrow();
    }

    public void reach(Attempt attempt, int step, Instant now) {
        jdbc.sql("UPDATE lesson_attempt SET furthest_step = GREATEST(furthest_step, ?), updated_at = ?"
                        + " WHERE id = ? AND platform_id = ? AND educator_id = ?")
                .params(step, ts(now), attempt.id(), attempt.platformId(), attempt.educatorId())
                .update();
    }

    public void answer(Attempt attempt, int option, boolean correct, int reachStep, Instant now) {
        jdbc.sql("""
                        UPDATE lesson_attempt SET check_option = ?, check_correct = ?, check_tries = check_tries + 1,
                            furthest_step = GREATEST(furthest_step, ?), updated_at = ?
                        WHERE id = ? AND platform_id = ? AND educator_id = ?
                        """)
                .params(option, correct, reachStep, ts(now), attempt.id(), attempt.platformId(), attempt.educatorId())
                .update();
    }

    public void reflect(Attempt attempt, String text, int reachStep, Instant now) {
        jdbc.sql("""
                        UPDATE lesson_attempt SET reflection = ?, furthest_step = GREATEST(furthest_step, ?), updated_at = ?
                        WHERE id = ? AND platform_id = ? AND educator_id = ?
                        """)
                .params(text, reachStep, ts(now), attempt.id(), attempt.platformId(), attempt.educatorId())
                .update();
    }

    /** Hands in the evidence and completes the attempt (or resubmits it after a revision request). */
    public void submit(
            Attempt attempt,
            String link,
            String note,
            String fileId,
            Long courseId,
            String resourceLinkId,
            int doneStep,
            Instant now) {
        jdbc.sql("""
                        UPDATE lesson_attempt SET evidence_link = ?, evidence_note = ?,
                            evidence_file_id = COALESCE(?, evidence_file_id), status = 'COMPLETED', evidence_status = 'PENDING',
                            furthest_step = ?, completed_at = COALESCE(completed_at, ?), submitted_at = ?, updated_at = ?,
                            resource_link_id = COALESCE(?, resource_link_id), course_id = COALESCE(?, course_id)
                        WHERE id = ? AND platform_id = ? AND educator_id = ?
                        """)
                .params(
                        link,
                        note,
                        fileId,
                        doneStep,
                        ts(now),
                        ts(now),
                        ts(now),
                        resourceLinkId,
                        courseId,
                        attempt.id(),
                        attempt.platformId(),
                        attempt.educatorId())
                .update();
    }

    public void review(Attempt attempt, EvidenceStatus status, String feedback, long coachId, Instant now) {
        jdbc.sql("""
                        UPDATE lesson_attempt SET evidence_status = ?, coach_feedback = ?, reviewed_by = ?, reviewed_at = ?,
                            updated_at = ?
                        WHERE id = ? AND platform_id = ?
                        """)
                .params(status.name(), feedback, coachId, ts(now), ts(now), attempt.id(), attempt.platformId())
                .update();
    }

    public void share(Attempt attempt, boolean shared, Instant now) {
        jdbc.sql("UPDATE lesson_attempt SET shared_at = ? WHERE id = ? AND platform_id = ? AND educator_id = ?")
                .params(shared ? ts(now) : null, attempt.id(), attempt.platformId(), attempt.educatorId())
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Attempt map(ResultSet rs, int row) throws SQLException {
        String evidence = rs.getString("evidence_status");
        return new Attempt(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getLong("educator_id"),
                rs.getObject("course_id", Long.class),
                rs.getLong("lesson_id"),
                rs.getLong("lesson_version_id"),
                rs.getString("resource_link_id"),
                rs.getInt("furthest_step"),
                rs.getObject("check_option", Integer.class),
                rs.getObject("check_correct", Boolean.class),
                rs.getInt("check_tries"),
                rs.getString("reflection"),
                rs.getString("evidence_link"),
                rs.getString("evidence_note"),
                rs.getString("evidence_file_id"),
                Status.valueOf(rs.getString("status")),
                evidence == null ? null : EvidenceStatus.valueOf(evidence),
                rs.getString("coach_feedback"),
                rs.getObject("reviewed_by", Long.class),
                instant(rs, "reviewed_at"),
                instant(rs, "shared_at"),
                instant(rs, "started_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"),
                instant(rs, "submitted_at"));
    }
}
